using M6Search.Evaluation.Metrics;
using M6Search.Evaluation.Reports;

namespace M6Search.Evaluation.Tests.Reports;

public class MetricsAggregatorTests
{
    private static QueryMetrics Metrics(string id, string lang, int relevant, double ndcg, double rr, int hidden, int found,
        RetrievalMode mode = RetrievalMode.Image) => new()
    {
        QueryId = id,
        Lang = lang,
        Mode = mode,
        RelevantProducts = relevant,
        Ndcg = ndcg,
        Precision = ndcg / 2,
        Recall = ndcg / 4,
        ReciprocalRank = rr,
        HiddenTraitProducts = hidden,
        HiddenTraitFound = found,
    };

    private static readonly QueryMetrics[] PerQuery =
    [
        Metrics("q1", "en", relevant: 3, ndcg: 1.0, rr: 1.0, hidden: 2, found: 1),
        Metrics("q2", "en", relevant: 2, ndcg: 0.5, rr: 0.5, hidden: 0, found: 0),
        Metrics("q3", "zh", relevant: 4, ndcg: 0.0, rr: 0.25, hidden: 4, found: 4),
        Metrics("q4", "zh", relevant: 0, ndcg: 0.0, rr: 0.0, hidden: 0, found: 0),
    ];

    [Fact]
    public void Rows_MacroAveragePerLanguageAndOverall()
    {
        var rows = MetricsAggregator.Rows(PerQuery).ToDictionary(r => r.Lang);

        Assert.Equal(["en", "zh", "all"], MetricsAggregator.Rows(PerQuery).Select(r => r.Lang));
        Assert.Equal(0.75, rows["en"].Ndcg);
        Assert.Equal(0.375, rows["en"].Precision);
        Assert.Equal(0.75, rows["en"].Mrr);
        Assert.Equal(0.0, rows["zh"].Ndcg);
        Assert.Equal(0.5, rows["all"].Ndcg!.Value, 12); // (1 + 0.5 + 0) / 3
        Assert.Equal(1.75 / 3, rows["all"].Mrr!.Value, 12);
    }

    [Fact]
    public void Rows_SkipQueriesWithoutRelevantProducts_AndCountThem()
    {
        var rows = MetricsAggregator.Rows(PerQuery).ToDictionary(r => r.Lang);

        Assert.Equal(1, rows["zh"].Queries);
        Assert.Equal(1, rows["zh"].SkippedQueries);
        Assert.Equal(3, rows["all"].Queries);
        Assert.Equal(1, rows["all"].SkippedQueries);
    }

    [Fact]
    public void Rows_AverageHiddenTraitRecallOverQueriesThatHaveHiddenProducts()
    {
        var all = MetricsAggregator.Rows(PerQuery).Single(r => r.Lang == MetricsRow.AllLanguages);

        // q1: 1/2, q3: 4/4; q2 and q4 have none. Macro mean 0.75, not the pooled 5/6.
        Assert.Equal(0.75, all.HiddenTraitRecall);
        Assert.Equal(2, all.HiddenTraitQueries);
        Assert.Equal(6, all.HiddenTraitProducts);
        Assert.Equal(5, all.HiddenTraitFound);
    }

    [Fact]
    public void Rows_LeaveHiddenTraitRecallNull_WhenNoQueryHasHiddenProducts()
    {
        var row = MetricsAggregator.Row(RetrievalMode.Text, "en", [PerQuery[1]]);

        Assert.Null(row.HiddenTraitRecall);
        Assert.Equal(0, row.HiddenTraitQueries);
    }

    [Fact]
    public void Comparisons_GiveImageAndHybridOverTitleRatios()
    {
        MetricsRow Row(RetrievalMode mode, double? recall) =>
            MetricsAggregator.Row(mode, "all", []) with { HiddenTraitRecall = recall };

        var comparisons = MetricsAggregator.Comparisons(
            [Row(RetrievalMode.Title, 0.1), Row(RetrievalMode.Image, 0.34), Row(RetrievalMode.Text, 0.2), Row(RetrievalMode.Hybrid, 0.3)]);

        Assert.Equal([RetrievalMode.Image, RetrievalMode.Hybrid], comparisons.Select(c => c.Mode));
        Assert.Equal(3.4, comparisons[0].Ratio!.Value, 9);
        Assert.Equal("hidden-trait recall@100 (all): image 0.340 vs title 0.100 = 3.4x", comparisons[0].Describe(100));
    }

    [Fact]
    public void Comparisons_SayTheBaselineFoundNone_WhenItsRecallIsZero()
    {
        MetricsRow Row(RetrievalMode mode, double? recall) =>
            MetricsAggregator.Row(mode, "zh", []) with { HiddenTraitRecall = recall };

        var comparison = Assert.Single(MetricsAggregator.Comparisons([Row(RetrievalMode.Title, 0.0), Row(RetrievalMode.Image, 0.5)]));

        Assert.Null(comparison.Ratio);
        Assert.EndsWith("= the baseline found none", comparison.Describe(100));
    }
}
