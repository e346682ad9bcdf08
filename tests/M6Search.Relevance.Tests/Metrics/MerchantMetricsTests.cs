using M6Search.Catalog.Queries;
using M6Search.Relevance.Metrics;
using M6Search.Relevance.Ranking;

namespace M6Search.Relevance.Tests.Metrics;

public sealed class MerchantMetricsTests
{
    private static readonly Dictionary<string, string> Titles = new()
    {
        ["a1"] = "Ceramic Mug",
        ["a2"] = "Bumpy Ceramic Mug",
        ["a3"] = "Glass Cup",
    };

    [Fact]
    public void Ndcg_IsOne_WhenTheMerchantsRelevantProductsLeadTheRanking()
    {
        var metrics = MerchantMetrics.ForQuery(Ranking("a1", "a2", "b1"), new Dictionary<string, int> { ["a1"] = 2, ["a2"] = 2 }, Title);

        Assert.Equal(1.0, metrics.Ndcg, 6);
    }

    [Fact]
    public void Ndcg_DropsBelowOne_WhenOtherMerchantsProductsRankFirst()
    {
        var metrics = MerchantMetrics.ForQuery(Ranking("b1", "b2", "a1"), new Dictionary<string, int> { ["a1"] = 2 }, Title);

        Assert.Equal(1 / Math.Log2(4), metrics.Ndcg, 6);
    }

    [Fact]
    public void HiddenTraitRecall_CountsOnlyRelevantProductsWhoseTitlesLackTheTrait()
    {
        // a1's title lacks "bumpy" (hidden), a2 names it, a3 is not relevant.
        var metrics = MerchantMetrics.ForQuery(
            Ranking("a2", "b1", "a3"),
            new Dictionary<string, int> { ["a1"] = 2, ["a2"] = 2, ["a3"] = 0 },
            Title);

        Assert.Equal(1, metrics.HiddenTraitProducts);
        Assert.Equal(0, metrics.HiddenTraitFound);
        Assert.Equal(0.0, metrics.HiddenTraitRecall);
    }

    [Fact]
    public void LabeledGrades_KeepOnlyTheMerchantsProducts()
    {
        var query = new DashboardQuery
        {
            Text = "bumpy cup",
            Source = QuerySource.Labeled,
            TraitWords = ["bumpy"],
            Labels = new LabeledQuery { Id = "q1", Text = "bumpy cup", Lang = "en", Relevance = new Dictionary<string, int> { ["a1"] = 2, ["b1"] = 2 } },
        };

        var grades = MerchantMetrics.LabeledGrades(query, new HashSet<string> { "a1", "a2" });

        Assert.Equal(["a1"], grades.Keys);
    }

    [Fact]
    public void Summary_AveragesOnlyQueriesWithRelevantProducts_AndPoolsHiddenTraitRecall()
    {
        var summary = MetricsSummary.Of(
        [
            new MerchantQueryMetrics { QueryText = "x", Source = QuerySource.Log, RelevantProducts = 1, Ndcg = 0.5, HiddenTraitProducts = 1, HiddenTraitFound = 1 },
            new MerchantQueryMetrics { QueryText = "y", Source = QuerySource.Log, RelevantProducts = 2, Ndcg = 1.0, HiddenTraitProducts = 3, HiddenTraitFound = 0 },
            new MerchantQueryMetrics { QueryText = "z", Source = QuerySource.Log, RelevantProducts = 0, Ndcg = 0, HiddenTraitProducts = 0, HiddenTraitFound = 0 },
        ]);

        Assert.Equal(2, summary.JudgedQueries);
        Assert.Equal(0.75, summary.MeanNdcg);
        Assert.Equal(0.25, summary.HiddenTraitRecall);
    }

    private static string? Title(string id) => Titles.GetValueOrDefault(id);

    private static QueryRanking Ranking(params string[] ids) => new()
    {
        Query = new DashboardQuery { Text = "bumpy cup", Source = QuerySource.Log, TraitWords = ["bumpy", "凹凸"] },
        Ranking = ids,
        Hits = [],
    };
}
