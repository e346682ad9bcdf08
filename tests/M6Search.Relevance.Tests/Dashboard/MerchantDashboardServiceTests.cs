using M6Search.Catalog.Queries;
using M6Search.Relevance.Dashboard;
using M6Search.Relevance.Judgments;
using M6Search.Relevance.Probing;
using M6Search.Relevance.Ranking;
using M6Search.Relevance.Storage;
using M6Search.Relevance.Tests.Fakes;
using M6Search.Search.Searching;

namespace M6Search.Relevance.Tests.Dashboard;

public sealed class MerchantDashboardServiceTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly AxisEmbedder _embedder = new("bumpy", "凹凸");
    private readonly FakeCatalog _catalog = new();
    private readonly FakeRanker _ranker = new();
    private readonly FakeQueries _queries = new();
    private readonly SqliteJudgmentStore _judgments;
    private readonly MerchantDashboardService _service;

    public MerchantDashboardServiceTests()
    {
        _catalog
            .Add(Products.Make("a1", "m01", "Ceramic Mug", texture: "bumpy"), Photo())
            .Add(Products.Make("a2", "m01", "Glass Tumbler"))
            .Add(Products.Make("b1", "m02", "Bumpy Mug"), Photo());
        _ranker.With("bumpy cup", "b1", "a1").With("vase", "b1");
        _queries.Labeled.Add(new DashboardQuery
        {
            Text = "bumpy cup",
            Source = QuerySource.Labeled,
            TraitWords = ["bumpy", "凹凸"],
            Labels = new LabeledQuery
            {
                Id = "q1",
                Text = "bumpy cup",
                Lang = "en",
                Traits = ["bumpy", "凹凸"],
                Relevance = new Dictionary<string, int> { ["a1"] = 2, ["b1"] = 2 },
            },
        });
        _judgments = new SqliteJudgmentStore(new SqliteFile(_folder.File("j.db")));
        _service = new MerchantDashboardService(_catalog, _ranker, _judgments, _queries, new TraitProber(_embedder, TestTraits.Vocabulary), new DashboardOptions());
    }

    [Fact]
    public async Task Build_ShowsOnlyTheMerchantsProducts_WithTheirRanks()
    {
        MerchantDashboardReport report = await _service.BuildAsync("m01");

        Assert.Equal(["a1", "a2"], report.Products.Select(p => p.Product.Id));
        MerchantHit hit = Assert.Single(Assert.Single(report.Rankings).Hits);
        Assert.Equal(("a1", 2), (hit.ProductId, hit.Rank));
        Assert.Null(report.Products.Single(p => p.Product.Id == "a2").BestRank);
    }

    [Fact]
    public async Task Build_ComputesLabelMetricsOverTheMerchantsProductsOnly()
    {
        MerchantDashboardReport report = await _service.BuildAsync("m01");

        var metrics = Assert.Single(report.LabelMetrics);
        Assert.Equal(1, metrics.RelevantProducts);
        Assert.Equal(1 / Math.Log2(3), metrics.Ndcg, 6);
        Assert.Equal(1.0, metrics.HiddenTraitRecall);
    }

    [Fact]
    public async Task Build_RecomputesJudgmentMetrics_AfterTheMerchantJudges()
    {
        Assert.Empty((await _service.BuildAsync("m01")).JudgmentMetrics);

        Assert.True(await _service.JudgeAsync("m01", "Bumpy Cup", "a1", relevant: true));
        MerchantDashboardReport judged = await _service.BuildAsync("m01");

        var metrics = Assert.Single(judged.JudgmentMetrics);
        Assert.Equal(1 / Math.Log2(3), metrics.Ndcg, 6);
        Assert.Equal(1, judged.JudgmentSummary.JudgedQueries);
    }

    [Fact]
    public async Task Build_RanksQueriesThatOnlyJudgmentsMention()
    {
        await _service.JudgeAsync("m01", "vase", "a2", relevant: true);

        MerchantDashboardReport report = await _service.BuildAsync("m01");

        Assert.Contains(report.Rankings, r => r.Query.Text == "vase");
        Assert.Equal(0, Assert.Single(report.JudgmentMetrics).Ndcg);
    }

    [Fact]
    public async Task Build_SkipsAQueryThatFailsToRank_AndRanksTheRest()
    {
        _ranker.Failing("broken");
        _queries.Logged.Add(new DashboardQuery { Text = "broken", Source = QuerySource.Log, TraitWords = [] });
        _queries.Logged.Add(new DashboardQuery { Text = "vase", Source = QuerySource.Log, TraitWords = [] });

        MerchantDashboardReport report = await _service.BuildAsync("m01");

        Assert.Equal(["bumpy cup", "vase"], report.Rankings.Select(r => r.Query.Text));
        SkippedQuery skipped = Assert.Single(report.Skipped);
        Assert.Equal("broken", skipped.Query.Text);
        Assert.Contains("search failed", skipped.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cup\u0001")]
    [InlineData("\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA")]
    public async Task Judge_RefusesAQueryTheSearchWouldRefuse(string query)
    {
        await Assert.ThrowsAsync<SearchValidationException>(() => _service.JudgeAsync("m01", query, "a1", relevant: true));

        Assert.Empty(await _judgments.ListAsync("m01"));
    }

    [Fact]
    public async Task Judge_RefusesANewQuery_OnceTheMerchantHasJudgedTheMostQueries()
    {
        var service = new MerchantDashboardService(
            _catalog, _ranker, _judgments, _queries, new TraitProber(_embedder, TestTraits.Vocabulary), new DashboardOptions { MaxJudgedQueries = 2 });
        Assert.True(await service.JudgeAsync("m01", "first cup", "a1", relevant: true));
        Assert.True(await service.JudgeAsync("m01", "second cup", "a1", relevant: true));

        await Assert.ThrowsAsync<SearchValidationException>(() => service.JudgeAsync("m01", "third cup", "a1", relevant: true));
        Assert.True(await service.JudgeAsync("m01", "first cup", "a2", relevant: false));
        Assert.True(await service.JudgeAsync("m02", "third cup", "b1", relevant: true));
    }

    [Fact]
    public async Task Build_RanksAtMostMaxJudgedQueries_AndReportsTheOthers()
    {
        foreach (string query in new[] { "first cup", "second cup", "third cup" })
        {
            await _judgments.SetAsync("m01", query, "a1", relevant: true);
        }

        var service = new MerchantDashboardService(
            _catalog, _ranker, _judgments, _queries, new TraitProber(_embedder, TestTraits.Vocabulary), new DashboardOptions { MaxJudgedQueries = 2 });
        _ranker.With("first cup").With("second cup").With("third cup");

        MerchantDashboardReport report = await service.BuildAsync("m01");

        Assert.Equal(3, report.Rankings.Count);
        SkippedQuery skipped = Assert.Single(report.Skipped);
        Assert.Contains("MaxJudgedQueries", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judge_RefusesAnotherMerchantsProduct()
    {
        Assert.False(await _service.JudgeAsync("m01", "bumpy cup", "b1", relevant: false));

        Assert.Empty(await _judgments.ListAsync("m01"));
        Assert.Empty(await _judgments.ListAsync("m02"));
    }

    [Fact]
    public async Task Probe_IsNull_ForAnotherMerchantsProduct()
    {
        Assert.Null(await _service.ProbeAsync("m01", "b1"));
        Assert.NotNull(await _service.ProbeAsync("m02", "b1"));
    }

    [Fact]
    public async Task Probe_SuggestsTheHiddenTexture_ForTheMerchantsProduct()
    {
        TraitProbe? probe = await _service.ProbeAsync("m01", "a1");

        Assert.Contains(probe!.Suggestions, s => s.Trait.Key == "bumpy");
    }

    [Fact]
    public async Task Exports_HoldOnlyTheMerchantsRows()
    {
        await _service.JudgeAsync("m01", "bumpy cup", "a1", relevant: true);
        await _service.JudgeAsync("m02", "bumpy cup", "b1", relevant: true);

        var rankings = MerchantDashboardService.RankingRows(await _service.BuildAsync("m01"));
        var judgments = await _service.JudgmentRowsAsync("m01");

        Assert.All(rankings, r => Assert.StartsWith("a", r.ProductId, StringComparison.Ordinal));
        Assert.Equal(["a1"], judgments.Select(j => j.ProductId));
    }

    public void Dispose() => _folder.Dispose();

    private float[] Photo()
    {
        float[] a = _embedder.Axis("bumpy");
        float[] b = _embedder.Axis("凹凸");
        return a.Zip(b, (x, y) => (x + y) / MathF.Sqrt(2)).ToArray();
    }
}
