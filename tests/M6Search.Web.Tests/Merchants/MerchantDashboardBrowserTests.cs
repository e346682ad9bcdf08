using M6Search.Web.Accounts;
using M6Search.Web.Tests.EndToEnd;
using Microsoft.Playwright;

namespace M6Search.Web.Tests.Merchants;

/// <summary>
/// In the browser, on the shipped model and the demo catalog: a demo merchant signs in, opens the dashboard and sees
/// its products and a title suggestion; it cannot open the jobs page; an admin runs a job from the jobs page.
/// Screenshots go to docs/screenshots (M6_SCREENSHOT_DIR).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MerchantDashboardBrowserTests
{
    private readonly BrowserAppFixture _app;

    public MerchantDashboardBrowserTests(BrowserAppFixture app)
    {
        _app = app;
    }

    [SkippableFact]
    public async Task Merchant_SignsIn_AndSeesTheDashboardWithItsProducts()
    {
        Skip.If(_app.SkipReason is not null, _app.SkipReason);
        (string user, string password, _, string? merchant) = DemoAccounts.All.First(a => a.Role == AccountRoles.Merchant);
        IPage page = await NewPageAsync();

        await page.GotoAsync("/merchant");
        await SignInAsync(page, user, password);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/merchant$"));
        await Assertions.Expect(page.Locator("[data-testid=merchant-id]")).ToHaveTextAsync(merchant!);
        ILocator rows = page.Locator("[data-testid=merchant-products] tbody tr");
        await rows.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        Assert.True(await rows.CountAsync() > 0);
        await Assertions.Expect(page.Locator("[data-testid=chart-best-rank] svg").First).ToBeVisibleAsync();

        // Title suggestions for the first product (retried: the circuit may attach a moment after the first render).
        ILocator outcome = page.Locator("[data-testid=suggestion], [data-testid=no-suggestions]").First;
        for (int attempt = 0; attempt < 20 && !await outcome.IsVisibleAsync(); attempt++)
        {
            await page.Locator("[data-testid=suggest]").First.ClickAsync();
            await page.WaitForTimeoutAsync(500);
        }

        await Assertions.Expect(outcome).ToBeVisibleAsync();
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-testid=merchant-products] img')].slice(0, 5).every(i => i.complete && i.naturalWidth > 0)");
        Directory.CreateDirectory(BrowserAppFixture.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserAppFixture.ScreenshotDirectory, "merchant.png"), FullPage = false });

        // The rankings export downloads as CSV.
        await page.Locator(".mud-tab", new PageLocatorOptions { HasText = "Export" }).ClickAsync();
        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-rankings]").ClickAsync());
        byte[] csv = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("\uFEFFQuery,Source,ProductId,Title,Rank", System.Text.Encoding.UTF8.GetString(csv).Split("\r\n")[0]);

        await page.GotoAsync("/jobs");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/denied"));
    }

    [SkippableFact]
    public async Task Admin_RunsAnIndexingJob_FromTheJobsPage()
    {
        Skip.If(_app.SkipReason is not null, _app.SkipReason);
        (string user, string password, _, _) = DemoAccounts.All.First(a => a.Role == AccountRoles.Admin);
        IPage page = await NewPageAsync();

        await page.GotoAsync("/jobs");
        await SignInAsync(page, user, password);
        await Assertions.Expect(page.Locator("[data-testid=jobs-page]")).ToBeVisibleAsync();

        // Start the job once the page is interactive: until the circuit attaches a click does nothing, so click again
        // (only while the button is enabled and no job has appeared).
        ILocator history = page.Locator("[data-testid=job-history] [data-testid=job-state]");
        ILocator start = page.Locator("[data-testid=job-start]");
        for (int attempt = 0; attempt < 60 && await history.CountAsync() == 0; attempt++)
        {
            if (await start.IsEnabledAsync())
            {
                await page.Locator("input[data-testid=job-catalog], [data-testid=job-catalog] input").First.FillAsync("demo/catalog.jsonl");
                await start.ClickAsync(new LocatorClickOptions { Timeout = 2000, Trial = false });
            }

            await page.WaitForTimeoutAsync(500);
        }

        await Assertions.Expect(history.First).ToContainTextAsync("Completed", new LocatorAssertionsToContainTextOptions { Timeout = 120_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserAppFixture.ScreenshotDirectory, "jobs.png"), FullPage = false });
    }

    private async Task<IPage> NewPageAsync()
    {
        IBrowserContext context = await _app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 1400 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>The sign-in page is a plain form post, so it works before the Blazor circuit attaches.</summary>
    private static async Task SignInAsync(IPage page, string user, string password)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.Locator("[data-testid=login-username]").FillAsync(user);
        await page.Locator("[data-testid=login-password]").FillAsync(password);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
