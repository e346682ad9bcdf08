using Bunit;
using M6Search.Web.Components.Search;

namespace M6Search.Web.Tests.Components;

public sealed class ResultCardTests : ComponentTestBase
{
    [Fact]
    public void ResultCard_ShowsWhyItMatched_WithTheMissingWords_OnlyWhenAsked()
    {
        IRenderedComponent<ResultCard> card = Render<ResultCard>(p => p.Add(c => c.Item, FakeSearchService.Item("p-1", "White Ceramic Cup", missing: ["bumpy"])));
        Assert.Empty(card.FindAll("[data-testid=why-panel]"));

        card.Find("button[data-testid=why-button]").Click();

        Assert.Equal("bumpy", card.Find("[data-testid=missing-words]").TextContent.Trim());
        Assert.Contains("Image 67% · Title 33%", card.Find("[data-testid=why-share]").TextContent, StringComparison.Ordinal);
        Assert.Contains("bumpy", card.Find("[data-testid=why-summary]").TextContent, StringComparison.Ordinal);

        card.Find("button[data-testid=why-button]").Click();

        Assert.Empty(card.FindAll("[data-testid=why-panel]"));
    }

    [Fact]
    public void ResultCard_AsksForMoreLikeThisProduct()
    {
        string? asked = null;
        IRenderedComponent<ResultCard> card = Render<ResultCard>(p => p
            .Add(c => c.Item, FakeSearchService.Item("p-7", "Cup"))
            .Add(c => c.OnMoreLikeThis, (string id) => asked = id));

        card.Find("button[data-testid=similar-button]").Click();

        Assert.Equal("p-7", asked);
    }

    [Fact]
    public void ResultCard_ShowsThePriceAndTheImageFromTheImageEndpoint()
    {
        IRenderedComponent<ResultCard> card = Render<ResultCard>(p => p.Add(c => c.Item, FakeSearchService.Item("p 1/x", "Cup")));

        Assert.Equal("9.50 USD", card.Find("[data-testid=result-price]").TextContent.Trim());
        Assert.Equal("/images/p%201%2Fx", card.Find("img").GetAttribute("src"));
    }
}
