using AngleSharp.Dom;
using Bunit;
using M6Search.Search.Searching;
using M6Search.Web.Components.Pages;
using M6Search.Web.Demo;

namespace M6Search.Web.Tests.Components;

public sealed class SearchPageTests : ComponentTestBase
{
    [Fact]
    public void SearchPage_ShowsResults_WhenTheShopperSearches()
    {
        StartSearch();
        Search.OnSearch = _ => FakeSearchService.Page([FakeSearchService.Item("p-1", "White Ceramic Cup"), FakeSearchService.Item("p-2", "Glass Cup")]);
        IRenderedComponent<SearchPage> page = Render<SearchPage>();

        page.Find("input#query").Input("bumpy cup");
        page.Find("button[data-testid=search-button]").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=result]").Count));
        SearchQuery query = Assert.Single(Search.Queries);
        Assert.Equal("bumpy cup", query.Text);
        Assert.True(query.IncludeMatchDetails); // the page shows "why it matched" for the results it shows
        Assert.Equal(["White Ceramic Cup", "Glass Cup"], page.FindAll("[data-testid=result-title]").Select(e => e.TextContent));
    }

    [Fact]
    public void SearchPage_RecordsTheShoppersQuery_InTheDashboardsQueryLog()
    {
        StartSearch();
        IRenderedComponent<SearchPage> page = Render<SearchPage>();

        page.Find("input#query").Input("  凹凸的咖啡杯 ");
        page.Find("button[data-testid=search-button]").Click();

        page.WaitForAssertion(() => Assert.Equal(["凹凸的咖啡杯"], QueryLog.Recorded));
    }

    [Fact]
    public void SearchPage_ShowsTheEmptyState_WhenNothingMatches()
    {
        StartSearch();
        IRenderedComponent<SearchPage> page = Render<SearchPage>();

        page.Find("input#query").Input("unicorn");
        page.Find("button[data-testid=search-button]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=empty]")));
        Assert.Empty(page.FindAll("[data-testid=result]"));
    }

    [Fact]
    public void SearchPage_ShowsTheReason_WhenTheQueryIsRefused()
    {
        StartSearch();
        Search.OnSearch = _ => throw new SearchValidationException("q", "The query has 300 characters; at most 256 are allowed.");
        IRenderedComponent<SearchPage> page = Render<SearchPage>();

        page.Find("input#query").Input("cup");
        page.Find("button[data-testid=search-button]").Click();

        page.WaitForAssertion(() => Assert.Contains("at most 256", page.Find("[data-testid=error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void SearchPage_DoesNotRecordAQuery_ThatTheSearchRefused()
    {
        StartSearch();
        Search.OnSearch = _ => throw new SearchValidationException("q", "The query contains control characters.");
        IRenderedComponent<SearchPage> page = Render<SearchPage>();

        page.Find("input#query").Input("cup\u0001");
        page.Find("button[data-testid=search-button]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=error]")));
        Assert.Empty(QueryLog.Recorded);
    }

    [Fact]
    public void SearchPage_RefusesSearches_PastTheClientsInteractiveWindow()
    {
        StartSearch();
        Settings.RateLimit.InteractivePermitLimit = 2;
        IRenderedComponent<SearchPage> page = Render<SearchPage>();

        foreach (string query in new[] { "cup", "mug", "vase" })
        {
            page.Find("input#query").Input(query);
            page.Find("button[data-testid=search-button]").Click();
        }

        page.WaitForAssertion(() => Assert.Contains("Too many searches", page.Find("[data-testid=error]").TextContent, StringComparison.Ordinal));
        Assert.Equal(["cup", "mug"], Search.Queries.Select(q => q.Text));
    }

    [Fact]
    public void SearchPage_AsksForWords_InsteadOfSearchingAnEmptyQuery()
    {
        StartSearch();
        IRenderedComponent<SearchPage> page = Render<SearchPage>();

        page.Find("button[data-testid=search-button]").Click();

        Assert.Empty(Search.Queries);
        Assert.Contains("Type what you are looking for", page.Find("[data-testid=error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchPage_ShowMore_AppendsTheNextPage()
    {
        StartSearch();
        Search.OnSearch = query => query.Offset == 0
            ? FakeSearchService.Page(Enumerable.Range(0, SearchPage.PageSize).Select(i => FakeSearchService.Item($"p-{i}", $"Cup {i}")).ToList(), hasMore: true)
            : FakeSearchService.Page([FakeSearchService.Item("p-last", "Last Cup")]);
        IRenderedComponent<SearchPage> page = Render<SearchPage>();
        page.Find("input#query").Input("cup");
        page.Find("button[data-testid=search-button]").Click();
        page.WaitForAssertion(() => Assert.Equal(SearchPage.PageSize, page.FindAll("[data-testid=result]").Count));

        page.Find("button[data-testid=load-more]").Click();

        page.WaitForAssertion(() => Assert.Equal(SearchPage.PageSize + 1, page.FindAll("[data-testid=result]").Count));
        Assert.Equal(SearchPage.PageSize, Search.Queries[1].Offset);
        Assert.Empty(page.FindAll("button[data-testid=load-more]"));
    }

    [Fact]
    public void SearchPage_ShowsMoreLikeThis_ForTheChosenProduct()
    {
        StartSearch();
        Search.OnSearch = _ => FakeSearchService.Page([FakeSearchService.Item("p-1", "White Ceramic Cup")]);
        IRenderedComponent<SearchPage> page = Render<SearchPage>();
        page.Find("input#query").Input("cup");
        page.Find("button[data-testid=search-button]").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=result]")));

        page.Find("button[data-testid=similar-button]").Click();

        page.WaitForAssertion(() => Assert.Equal("Similar Cup", page.Find("[data-testid=result-title]").TextContent));
        Assert.Contains("More like", page.Find("[data-testid=results-heading]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchPage_DisablesSearch_AndSaysSo_WhileTheBackEndStarts()
    {
        IRenderedComponent<SearchPage> page = Render<SearchPage>();

        Assert.True(page.Find("button[data-testid=search-button]").HasAttribute("disabled"));
        Assert.Contains("Loading the model", page.Find("[data-testid=startup-status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchPage_ShowsTheDemoIndexingProgress_AsItAdvances()
    {
        StartSearch();
        IRenderedComponent<SearchPage> page = Render<SearchPage>();

        Demo.Report(new DemoStatus(DemoPhase.Indexing, 1234, 3000, null));

        page.WaitForAssertion(() => Assert.Contains("Indexing the demo catalog: 1,234 / 3,000", page.Find("[data-testid=demo-progress]").TextContent, StringComparison.Ordinal));

        Demo.Report(new DemoStatus(DemoPhase.Done, 3000, 3000, null));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=demo-progress]")));
    }
}
