using M6Search.Catalog.Products;
using M6Search.Catalog.Queries;
using M6Search.Evaluation.Baseline;
using M6Search.Evaluation.Corpus;
using M6Search.Evaluation.Ranking;
using M6Search.Evaluation.Reports;
using M6Search.Evaluation.Tests.TestDoubles;
using M6Search.Search.Searching;

namespace M6Search.Evaluation.Tests;

public sealed class RetrievalEvaluatorTests : IAsyncLifetime
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

    private readonly EvaluationCorpus _corpus = EvaluationCorpus.Of(Catalog);
    private SearchCatalog _search = null!;
    private Bm25TitleRanker _title = null!;

    public async Task InitializeAsync()
    {
        _search = await SearchCatalog.CreateAsync(Catalog, Photos);
        _title = new Bm25TitleRanker(_corpus.Products);
    }

    public async Task DisposeAsync()
    {
        _title.Dispose();
        await _search.DisposeAsync();
    }

    [Fact]
    public async Task Evaluate_ImageModeFindsHiddenTraitProducts_ThatTheTitleBaselineMisses()
    {
        EvaluationReport report = await new RetrievalEvaluator().EvaluateAsync(_corpus, Queries, AllModes());

        MetricsRow Row(RetrievalMode mode, string lang) => report.Rows.Single(r => r.Mode == mode && r.Lang == lang);
        // BM25 finds only the titles that write the trait (e2, z2); hidden = {e1} and {z1}.
        Assert.Equal(0.0, Row(RetrievalMode.Title, "all").HiddenTraitRecall);
        Assert.Equal(0.0, Row(RetrievalMode.Lexical, "all").HiddenTraitRecall);
        Assert.Equal(1.0, Row(RetrievalMode.Image, "all").HiddenTraitRecall);
        Assert.Equal(1.0, Row(RetrievalMode.Hybrid, "all").HiddenTraitRecall);
        Assert.Equal(2, Row(RetrievalMode.Image, "all").HiddenTraitProducts);
        // Image: e1, e2 (then z1, z2) tie at cos 1/sqrt(2); the store keeps ties in upsert (catalog) order: an ideal top 2.
        Assert.Equal(1.0, Row(RetrievalMode.Image, "en").Ndcg!.Value, 9);
        Assert.Equal(1.0, Row(RetrievalMode.Image, "en").Mrr);
        Assert.Equal(7, report.Products);
        Assert.Equal(10, report.PerQuery.Count); // 5 modes x 2 queries
        Assert.Equal([RetrievalMode.Image, RetrievalMode.Hybrid], report.Comparisons.Where(c => c.Lang == "all").Select(c => c.Mode));
    }

    [Fact]
    public async Task Evaluate_ImageModeNeverReturnsAProductWithoutAnImage()
    {
        var image = new SearchServiceRanker(_search.Search, RetrievalModes.Channels(RetrievalMode.Image));
        var text = new SearchServiceRanker(_search.Search, RetrievalModes.Channels(RetrievalMode.Text));

        Assert.DoesNotContain("e4", await image.RankAsync(new RankingQuery("glass vase"), 100));
        Assert.Contains("e4", await text.RankAsync(new RankingQuery("glass vase"), 100));
    }

    [Fact]
    public async Task Evaluate_LexicalModeFindsOnlyTitlesSharingAWord()
    {
        var lexical = new SearchServiceRanker(_search.Search, RetrievalModes.Channels(RetrievalMode.Lexical));

        Assert.Equal(["e2"], await lexical.RankAsync(new RankingQuery("bumpy"), 100));
        Assert.Equal(["z2"], await lexical.RankAsync(new RankingQuery("凹凸"), 100));
    }

    [Fact]
    public async Task Evaluate_HybridModeRanksAsTheShopperSearch()
    {
        var hybrid = new SearchServiceRanker(_search.Search);

        IReadOnlyList<string> ranking = await hybrid.RankAsync(new RankingQuery("bumpy mug"), 5);
        var shopper = await _search.Search.SearchAsync(new SearchQuery { Text = "bumpy mug", Limit = 5 });

        Assert.Equal(shopper.Items.Select(item => item.Product.Id), ranking);
    }

    [Fact]
    public async Task Evaluate_TitleModeRunsWithoutAModel()
    {
        EvaluationReport report = await new RetrievalEvaluator().EvaluateAsync(
            _corpus, Queries, new Dictionary<RetrievalMode, IQueryRanker> { [RetrievalMode.Title] = _title });

        Assert.Equal(["en", "zh", "all"], report.Rows.Select(r => r.Lang));
        Assert.All(report.Rows, r => Assert.Equal(RetrievalMode.Title, r.Mode));
        Assert.Null(report.ModelVersion);
        Assert.Null(report.Search);
        Assert.Empty(report.Comparisons);
    }

    [Fact]
    public async Task Evaluate_Throws_WhenAQueryJudgesAProductTheCatalogLacks()
    {
        var query = Judged.Query("q9", "mug", "en", [], ("e1", 1), ("gone", 0));

        var ex = await Assert.ThrowsAsync<EvaluationDataException>(() => new RetrievalEvaluator().EvaluateAsync(
            _corpus, [query], new Dictionary<RetrievalMode, IQueryRanker> { [RetrievalMode.Title] = _title }));
        Assert.Contains("'q9'", ex.Message);
        Assert.Contains("'gone'", ex.Message);
    }

    [Fact]
    public async Task Evaluate_NamesTheQueryAndMode_WhenTheSearchRejectsTheQuery()
    {
        var query = Judged.Query("q-long", new string('a', 300), "en", [], ("e1", 1));

        var ex = await Assert.ThrowsAsync<EvaluationDataException>(() => new RetrievalEvaluator().EvaluateAsync(
            _corpus, [query], new Dictionary<RetrievalMode, IQueryRanker> { [RetrievalMode.Hybrid] = new SearchServiceRanker(_search.Search) }));
        Assert.Contains("'q-long'", ex.Message);
        Assert.Contains("hybrid", ex.Message);
        Assert.Contains("300 characters", ex.Message);
    }

    [Fact]
    public async Task Evaluate_Throws_WhenARankerReturnsAProductTwice()
    {
        var ranker = new FixedRanker(new Dictionary<string, string[]> { ["bumpy"] = ["e1", "e2", "e1"] });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => new RetrievalEvaluator().EvaluateAsync(
            _corpus, Queries, new Dictionary<RetrievalMode, IQueryRanker> { [RetrievalMode.Text] = ranker }));
        Assert.Contains("'e1' twice", ex.Message);
    }

    [Fact]
    public async Task Evaluate_UsesKForNdcgAndPrecision_AndRecallDepthForRecall()
    {
        var query = Judged.Query("q", "mug", "en", [], ("e1", 1), ("e2", 1), ("e3", 1));
        var ranker = new FixedRanker(new Dictionary<string, string[]> { ["mug"] = ["e4", "e1", "e2", "e3"] });

        EvaluationReport report = await new RetrievalEvaluator(new EvaluationOptions { K = 2, RecallDepth = 3 }).EvaluateAsync(
            _corpus, [query], new Dictionary<RetrievalMode, IQueryRanker> { [RetrievalMode.Text] = ranker });

        MetricsRow all = report.Rows.Single(r => r.Lang == "all");
        Assert.Equal(0.5, all.Precision);             // e4, e1: one of two
        Assert.Equal(2.0 / 3, all.Recall!.Value, 12); // e1, e2 of three within depth 3
        Assert.Equal(0.5, all.Mrr);
    }

    private Dictionary<RetrievalMode, IQueryRanker> AllModes()
    {
        var rankers = new Dictionary<RetrievalMode, IQueryRanker> { [RetrievalMode.Title] = _title };
        foreach (RetrievalMode mode in RetrievalModes.All.Where(RetrievalModes.UsesSearch))
        {
            rankers[mode] = new SearchServiceRanker(_search.Search, RetrievalModes.Channels(mode));
        }

        return rankers;
    }
}
