using System.Security.Claims;
using Bunit;
using M6Search.Relevance.Dashboard;
using M6Search.Relevance.Judgments;
using M6Search.Relevance.Metrics;
using M6Search.Relevance.Probing;
using M6Search.Relevance.QueryLog;
using M6Search.Relevance.Ranking;
using M6Search.Relevance.Storage;
using M6Search.Relevance.Traits;
using M6Search.Web.Accounts;
using M6Search.Web.Components.Pages.Merchant;
using M6Search.Web.Merchants;
using M6Search.Web.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Tests.Merchants;

public sealed class DashboardComponentTests : MudComponentTest
{
    [Fact]
    public void ProductTable_ShowsTheSuggestion_AfterSuggestIsClicked()
    {
        var bumpy = new VisualTrait { Kind = "texture", Key = "bumpy", En = ["bumpy", "dimpled"], Zh = ["凹凸"] };
        string? probed = null;
        var probe = new TraitProbe
        {
            ProductId = "a1",
            Scores = new Dictionary<string, IReadOnlyList<TraitScore>>(),
            Suggestions = [new TitleSuggestion { Trait = bumpy, Score = 0.41, Margin = 0.07, CatalogKey = "bumpy" }],
        };
        var table = RenderMud<ProductReachTable>(p => p
            .Add(c => c.Report, DashboardReports.With())
            .Add(c => c.ProbeAsync, id => { probed = id; return Task.FromResult<TraitProbe?>(probe); }));

        table.Find("[data-testid=suggest]").Click();

        Assert.Equal("a1", probed);
        string suggestion = table.Find("[data-testid=suggestion]").TextContent;
        Assert.Contains("bumpy", suggestion, StringComparison.Ordinal);
        Assert.Contains("凹凸", suggestion, StringComparison.Ordinal);
        Assert.Contains("the catalog agrees", suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void ProductTable_SaysSo_WhenTheTitleAlreadyNamesEverything()
    {
        var probe = new TraitProbe { ProductId = "a1", Scores = new Dictionary<string, IReadOnlyList<TraitScore>>(), Suggestions = [] };
        var table = RenderMud<ProductReachTable>(p => p
            .Add(c => c.Report, DashboardReports.With())
            .Add(c => c.ProbeAsync, _ => Task.FromResult<TraitProbe?>(probe)));

        table.Find("[data-testid=suggest]").Click();

        Assert.NotNull(table.Find("[data-testid=no-suggestions]"));
    }

    [Fact]
    public void JudgmentPanel_RecordsTheVerdict_AndAsksThePageToRecompute()
    {
        (string Query, string Product, bool? Relevant)? judged = null;
        int changed = 0;
        var panel = RenderMud<JudgmentPanel>(p => p
            .Add(c => c.Report, DashboardReports.With())
            .Add(c => c.Query, "bumpy cup")
            .Add(c => c.RankQueryAsync, q => Task.FromResult(DashboardReports.Ranking(q, new MerchantHit("a1", "White Ceramic Mug", 2))))
            .Add(c => c.JudgeProductAsync, (q, id, r) => { judged = (q, id, r); return Task.FromResult(true); })
            .Add(c => c.OnChanged, () => changed++));

        panel.Find("[data-testid=mark-relevant]").Click();

        Assert.Equal(("bumpy cup", "a1", (bool?)true), judged);
        Assert.Equal(1, changed);
    }

    [Fact]
    public void JudgmentPanel_ShowsTheStoredVerdict()
    {
        var report = DashboardReports.With(judgments: [new Judgment("m-a", "bumpy cup", "a1", false, DateTimeOffset.UnixEpoch)]);

        var panel = RenderMud<JudgmentPanel>(p => p
            .Add(c => c.Report, report)
            .Add(c => c.Query, "Bumpy  Cup")
            .Add(c => c.RankQueryAsync, q => Task.FromResult(DashboardReports.Ranking(QueryText.Normalize(q), new MerchantHit("a1", "White Ceramic Mug", 2)))));

        Assert.Equal("not relevant", panel.Find("[data-testid=verdict]").TextContent);
    }

    [Fact]
    public void JudgmentPanel_SaysWhenNoneOfTheMerchantsProductsRanks()
    {
        var panel = RenderMud<JudgmentPanel>(p => p
            .Add(c => c.Report, DashboardReports.With())
            .Add(c => c.Query, "lamp")
            .Add(c => c.RankQueryAsync, q => Task.FromResult(DashboardReports.Ranking(q))));

        Assert.NotNull(panel.Find("[data-testid=judge-none]"));
    }

    [Fact]
    public void Summary_ShowsTheMeanNdcg_OrADashWithoutJudgedQueries()
    {
        var withMetrics = DashboardReports.With(labelMetrics:
        [
            new MerchantQueryMetrics { QueryText = "bumpy cup", Source = QuerySource.Labeled, RelevantProducts = 1, Ndcg = 0.5, HiddenTraitProducts = 2, HiddenTraitFound = 1 },
        ]);

        Assert.Equal("0.50", RenderMud<DashboardSummary>(p => p.Add(c => c.Report, withMetrics)).Find("[data-testid=summary-ndcg]").TextContent);
        Assert.Equal("0.50", RenderMud<DashboardSummary>(p => p.Add(c => c.Report, withMetrics)).Find("[data-testid=summary-hidden]").TextContent);
        Assert.Equal("–", RenderMud<DashboardSummary>(p => p.Add(c => c.Report, DashboardReports.With())).Find("[data-testid=summary-ndcg]").TextContent);
    }

    [Fact]
    public void DashboardPage_TakesTheMerchantFromTheClaim_AndWaitsForSearch()
    {
        string folder = Path.Combine(Path.GetTempPath(), "m6-dash-" + Guid.NewGuid().ToString("N"));
        var file = new SqliteFile(Path.Combine(folder, "r.db"));
        Services.AddSingleton(new SearchRuntime());
        Services.AddSingleton(new M6Search.Web.RateLimiting.InteractiveRateLimiter(Options.Create(new M6Search.Web.Configuration.M6Options())));
        Services.AddSingleton(provider => new MerchantDashboards(
            provider.GetRequiredService<SearchRuntime>(),
            new SqliteJudgmentStore(file),
            new DashboardQuerySource(() => null, new SqliteQueryLog(file), new FixedTraitVocabulary(TraitVocabulary.Empty)),
            new FixedTraitVocabulary(TraitVocabulary.Empty),
            Options.Create(new DashboardOptions()),
            Options.Create(new M6Search.Web.Configuration.M6Options())));
        var auth = AddAuthorization();
        auth.SetAuthorized("alice");
        auth.SetRoles(AccountRoles.Merchant);
        auth.SetClaims(new Claim(AccountClaims.MerchantId, "m-a"));

        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var page = RenderMud<MerchantDashboardPage>();

        Assert.Equal("m-a", page.Find("[data-testid=merchant-id]").TextContent.Trim());
        Assert.NotNull(page.Find("[data-testid=dashboard-waiting]"));
    }
}
