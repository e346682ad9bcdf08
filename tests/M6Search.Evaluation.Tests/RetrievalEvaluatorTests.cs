using M6Search.Catalog.Products;
using M6Search.Catalog.Queries;
using M6Search.Evaluation.Corpus;
using M6Search.Evaluation.Ranking;
using M6Search.Evaluation.Reports;
using M6Search.Evaluation.Tests.TestDoubles;

namespace M6Search.Evaluation.Tests;

public class RetrievalEvaluatorTests
{
    // Titles leave "bumpy" out of e1 and z1; their photos (the test double's image arrays) show it.
    private static readonly Product[] Catalog =
    [
        new() { Id = "e1", Title = "Ceramic mug", Lang = "en", Image = "e1.jpg" },
        new() { Id = "e2", Title = "Bumpy ceramic mug", Lang = "en", Image = "e2.jpg" },
        new() { Id = "e3", Title = "Ceramic mug", Lang = "en", Image = "e3.jpg" },
        new() { Id = "e4", Title = "Glass vase", Lang = "en" },
        new() { Id = "z1", Title = "陶瓷杯", Lang = "zh", Image = "z1.jpg" },
        new() { Id = "z2", Title = "凹凸陶瓷杯", Lang = "zh", Image = "z2.jpg" },
        new() { Id = "z3", Title = "玻璃花瓶", Lang = "zh", Image = "z3.jpg" },
    ];

    private static readonly Dictionary<string, float[]> Photos = new()
    {
        ["e1"] = KeywordVectorEncoder.Image("mug", "bumpy"),
        ["e2"] = KeywordVectorEncoder.Image("mug", "bumpy"),
        ["e3"] = KeywordVectorEncoder.Image("mug", "smooth"),
        ["z1"] = KeywordVectorEncoder.Image("mug", "bumpy"),
        ["z2"] = KeywordVectorEncoder.Image("mug", "bumpy"),
        ["z3"] = KeywordVectorEncoder.Image("vase"),
    };

    private static readonly LabeledQuery[] Queries =
    [
        Judged.Query("q-en", "bumpy", "en", ["bumpy"], ("e1", 2), ("e2", 2), ("e3", 0), ("e4", 0)),
        Judged.Query("q-zh", "凹凸", "zh", ["凹凸"], ("z1", 2), ("z2", 2), ("z3", 0)),
    ];

    private static (EvaluationCorpus Corpus, IReadOnlyList<EvaluationQuery> Queries) Embedded()
    {
        using var encoder = new KeywordVectorEncoder();
        EvaluationCorpus corpus = EvaluationCorpusBuilder.Embed(
            Catalog, encoder, p => p.Image is null ? null : Photos[p.Id], new CorpusEmbeddingOptions { BatchSize = 3 });
        return (corpus, EvaluationQueries.Embed(Queries, encoder, batchSize: 1));
    }

    [Fact]
    public void Evaluate_ImageModeFindsHiddenTraitProducts_ThatTheTitleBaselineMisses()
    {
        (EvaluationCorpus corpus, IReadOnlyList<EvaluationQuery> queries) = Embedded();

        EvaluationReport report = new RetrievalEvaluator().Evaluate(corpus, queries, RetrievalModes.All);

        MetricsRow Row(RetrievalMode mode, string lang) => report.Rows.Single(r => r.Mode == mode && r.Lang == lang);
        // BM25 finds only the titles that write the trait (e2, z2); hidden = {e1} and {z1}.
        Assert.Equal(0.0, Row(RetrievalMode.Title, "all").HiddenTraitRecall);
        Assert.Equal(1.0, Row(RetrievalMode.Image, "all").HiddenTraitRecall);
        Assert.Equal(1.0, Row(RetrievalMode.Hybrid, "all").HiddenTraitRecall);
        Assert.Equal(2, Row(RetrievalMode.Image, "all").HiddenTraitProducts);
        // Image: e1, e2 (then z1, z2) tie at cos 1/sqrt(2) and come first in catalog order: an ideal top 2.
        Assert.Equal(1.0, Row(RetrievalMode.Image, "en").Ndcg!.Value, 9);
        Assert.Equal(1.0, Row(RetrievalMode.Image, "en").Mrr);
        Assert.Equal("keyword-test-double", report.ModelVersion);
        Assert.Equal(7, report.Products);
        Assert.Equal(8, report.PerQuery.Count); // 4 modes x 2 queries
        Assert.Equal([RetrievalMode.Image, RetrievalMode.Hybrid], report.Comparisons.Where(c => c.Lang == "all").Select(c => c.Mode));
    }

    [Fact]
    public void Evaluate_ImageModeNeverReturnsAProductWithoutAnImage()
    {
        (EvaluationCorpus corpus, IReadOnlyList<EvaluationQuery> queries) = Embedded();
        using var rankers = new StandardRankers(corpus, [RetrievalMode.Image, RetrievalMode.Text], new EvaluationOptions());

        Assert.DoesNotContain("e4", rankers.Rankers[RetrievalMode.Image].Rank(queries[0], 100));
        Assert.Contains("e4", rankers.Rankers[RetrievalMode.Text].Rank(queries[0], 100));
    }

    [Fact]
    public void Evaluate_TitleModeRunsWithoutAnyEmbeddings()
    {
        EvaluationCorpus corpus = EvaluationCorpusBuilder.TitlesOnly(Catalog);

        EvaluationReport report = new RetrievalEvaluator().Evaluate(
            corpus, EvaluationQueries.WithoutEmbeddings(Queries), [RetrievalMode.Title]);

        Assert.Equal(["en", "zh", "all"], report.Rows.Select(r => r.Lang));
        Assert.All(report.Rows, r => Assert.Equal(RetrievalMode.Title, r.Mode));
        Assert.Null(report.ModelVersion);
        Assert.Empty(report.Comparisons);
    }

    [Fact]
    public void Evaluate_ImageModeFails_WhenTheCorpusHasNoImageEmbeddings()
    {
        EvaluationCorpus corpus = EvaluationCorpusBuilder.TitlesOnly(Catalog);

        var ex = Assert.Throws<InvalidOperationException>(() => new RetrievalEvaluator().Evaluate(
            corpus, EvaluationQueries.WithoutEmbeddings(Queries), [RetrievalMode.Image]));
        Assert.Contains("image embeddings", ex.Message);
    }

    [Fact]
    public void Evaluate_Throws_WhenAQueryJudgesAProductTheCatalogLacks()
    {
        EvaluationCorpus corpus = EvaluationCorpusBuilder.TitlesOnly(Catalog);
        var query = Judged.Query("q9", "mug", "en", [], ("e1", 1), ("gone", 0));

        var ex = Assert.Throws<EvaluationDataException>(() => new RetrievalEvaluator().Evaluate(
            corpus, [Judged.Eval(query)], [RetrievalMode.Title]));
        Assert.Contains("'q9'", ex.Message);
        Assert.Contains("'gone'", ex.Message);
    }

    [Fact]
    public void Evaluate_Throws_WhenARankerReturnsAProductTwice()
    {
        EvaluationCorpus corpus = EvaluationCorpusBuilder.TitlesOnly(Catalog);
        var ranker = new FixedRanker(new Dictionary<string, string[]> { ["q-en"] = ["e1", "e2", "e1"] });

        var ex = Assert.Throws<InvalidOperationException>(() => new RetrievalEvaluator().Evaluate(
            corpus, EvaluationQueries.WithoutEmbeddings(Queries), new Dictionary<RetrievalMode, IQueryRanker> { [RetrievalMode.Text] = ranker }));
        Assert.Contains("'e1' twice", ex.Message);
    }

    [Fact]
    public void Evaluate_UsesKForNdcgAndPrecision_AndRecallDepthForRecall()
    {
        EvaluationCorpus corpus = EvaluationCorpusBuilder.TitlesOnly(Catalog);
        var query = Judged.Query("q", "mug", "en", [], ("e1", 1), ("e2", 1), ("e3", 1));
        var ranker = new FixedRanker(new Dictionary<string, string[]> { ["q"] = ["e4", "e1", "e2", "e3"] });

        EvaluationReport report = new RetrievalEvaluator(new EvaluationOptions { K = 2, RecallDepth = 3 }).Evaluate(
            corpus, [Judged.Eval(query)], new Dictionary<RetrievalMode, IQueryRanker> { [RetrievalMode.Text] = ranker });

        MetricsRow all = report.Rows.Single(r => r.Lang == "all");
        Assert.Equal(0.5, all.Precision);             // e4, e1: one of two
        Assert.Equal(2.0 / 3, all.Recall!.Value, 12); // e1, e2 of three within depth 3
        Assert.Equal(0.5, all.Mrr);
    }
}
