using Microsoft.Playwright;

namespace M6Search.Web.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class SearchPageBrowserTests
{
    private readonly BrowserAppFixture _app;

    public SearchPageBrowserTests(BrowserAppFixture app)
    {
        _app = app;
    }

    [SkippableFact]
    public async Task Shopper_SearchesBumpyCoffeeCup_AndSeesBumpyCups()
    {
        Skip.If(_app.SkipReason is not null, _app.SkipReason);
        IPage page = await NewPageAsync();

        await SearchAsync(page, "bumpy coffee cup");

        IReadOnlyList<string> ids = await ResultIdsAsync(page);
        Assert.NotEmpty(ids);
        string[] bumpyCups = ids.Where(id => IsBumpyCup(id)).ToArray();
        Assert.True(bumpyCups.Length > 0, $"No bumpy cup among the {ids.Count} results: {string.Join(", ", ids.Take(24))}.");

        // Open "why it matched" on the first bumpy cup: the panel shows the image/title split.
        ILocator card = page.Locator($"[data-testid=result][data-product-id='{bumpyCups[0]}']");
        await card.Locator("[data-testid=why-button]").ClickAsync();
        await Assertions.Expect(card.Locator("[data-testid=why-share]")).ToContainTextAsync("Image");

        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        Directory.CreateDirectory(BrowserAppFixture.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserAppFixture.ScreenshotDirectory, "search.png"), FullPage = false });
    }

    [SkippableFact]
    public async Task Shopper_SearchesInChinese_AndGetsResultsWithImages()
    {
        Skip.If(_app.SkipReason is not null, _app.SkipReason);
        IPage page = await NewPageAsync();

        await SearchAsync(page, "凹凸的咖啡杯");

        Assert.NotEmpty(await ResultIdsAsync(page));
        ILocator image = page.Locator("[data-testid=result] img").First;
        await Assertions.Expect(image).ToBeVisibleAsync();
        Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The first result's image did not load.");
    }

    [SkippableFact]
    public async Task Shopper_SearchesByPhoto_AndFindsTheProductInThatPhoto()
    {
        Skip.If(_app.SkipReason is not null, _app.SkipReason);
        IPage page = await NewPageAsync();
        string productId = _app.Attributes.Keys.First(IsBumpyCup);
        string photo = Path.Combine(_app.DemoDirectory, "images", productId + ".jpg");

        // The page is interactive once the Search button is enabled and the circuit answers a search.
        await SearchAsync(page, "cup");
        await page.Locator("input[type=file]").SetInputFilesAsync(photo);

        ILocator heading = page.Locator("[data-testid=results-heading]");
        await Assertions.Expect(heading).ToContainTextAsync(productId + ".jpg", new LocatorAssertionsToContainTextOptions { Timeout = 15000 });
        await page.Locator("[data-testid=result]").First.WaitForAsync();
        IReadOnlyList<string> ids = await ResultIdsAsync(page);
        Assert.Contains(productId, ids.Take(10));

        // Its own photo scores close to 1 in the image channel. Not exactly 1: the catalog was embedded in batches of 32,
        // and the shipped encoder's output for an image depends on the batch it is in (0.98 seen here; 0.78-0.90
        // measured for other images, batch of 32 against alone). That is the encoder's to fix, not the page's.
        ILocator card = page.Locator($"[data-testid=result][data-product-id='{productId}']");
        await card.Locator("[data-testid=why-button]").ClickAsync();
        ILocator photoRow = card.Locator("[data-testid=why-panel] tr").First;
        await Assertions.Expect(photoRow).ToContainTextAsync("Photo");
        float score = float.Parse(await photoRow.Locator("td").Nth(2).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(score >= 0.95f, $"The product's own photo scored {score} against it.");
    }

    private bool IsBumpyCup(string id) =>
        _app.Attributes.TryGetValue(id, out var attributes)
        && attributes["category"]?.GetValue<string>() == "cup"
        && attributes["texture"]?.GetValue<string>() == "bumpy";

    private async Task<IPage> NewPageAsync()
    {
        IBrowserContext context = await _app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 1400 },
        });
        IPage page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    /// <summary>
    /// Types the query and presses Search, as a shopper does. The first render is static (prerendered) and the Blazor
    /// circuit attaches a moment later; until it has, typing is lost, so the search is retried until the results arrive.
    /// </summary>
    private static async Task SearchAsync(IPage page, string query)
    {
        ILocator heading = page.Locator("[data-testid=results-heading]");
        for (int attempt = 0; attempt < 30; attempt++)
        {
            await page.Locator("input#query").FillAsync(query);
            await page.Locator("[data-testid=search-button]").ClickAsync();
            try
            {
                await Assertions.Expect(heading).ToContainTextAsync(query, new LocatorAssertionsToContainTextOptions { Timeout = 2000 });
                await page.Locator("[data-testid=result]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 10000 });
                return;
            }
            catch (PlaywrightException)
            {
                // Not interactive yet: try again.
            }
        }

        throw new InvalidOperationException($"Searching for '{query}' showed no results.");
    }

    private static async Task<IReadOnlyList<string>> ResultIdsAsync(IPage page)
    {
        IReadOnlyList<ILocator> cards = await page.Locator("[data-testid=result]").AllAsync();
        var ids = new List<string>();
        foreach (ILocator card in cards)
        {
            ids.Add((await card.GetAttributeAsync("data-product-id"))!);
        }

        return ids;
    }
}
