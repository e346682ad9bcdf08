using System.Text.Json;
using System.Text.Json.Nodes;
using M6Search.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace M6Search.Web.Tests.EndToEnd;

/// <summary>
/// The app on a real Kestrel port (127.0.0.1, chosen by the system) with the shipped model, on a fresh data folder whose
/// demo catalog (synthetic, fixed seed, so every product's true attributes are known) is generated and fully indexed
/// before the tests start; and Debian's Chromium driven by Playwright (never a downloaded browser). When
/// <c>/usr/bin/chromium</c> is missing, <see cref="SkipReason"/> says so and the tests skip.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    /// <summary>Products in the demo catalog of the browser tests.</summary>
    public const int DemoProducts = 600;

    public const string ChromiumPath = "/usr/bin/chromium";

    private TestData? _data;
    private M6WebFactory? _factory;
    private IPlaywright? _playwright;

    public string? SkipReason { get; private set; }

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The generated demo catalog's folder (catalog.jsonl, images/).</summary>
    public string DemoDirectory => Path.Combine(_data!.DataDir, "demo");

    /// <summary>Each demo product's attributes (category, shape, color, texture, material), read from the catalog file.</summary>
    public IReadOnlyDictionary<string, JsonObject> Attributes { get; private set; } = new Dictionary<string, JsonObject>();

    /// <summary>Where screenshots go: <c>M6_SCREENSHOT_DIR</c> when set (docs/screenshots), otherwise the test output.</summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("M6_SCREENSHOT_DIR") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"{ChromiumPath} is not installed (apt-get install -y chromium); the browser tests need Debian's Chromium.";
            return;
        }

        _data = await TestData.CreateAsync(withProducts: false);
        _factory = new M6WebFactory(
            _data,
            new Dictionary<string, string?>
            {
                ["M6:Demo:Enabled"] = "true",
                ["M6:Demo:Products"] = DemoProducts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["M6:CatalogDir"] = null,
            },
            realModel: true,
            kestrel: true);
        _factory.StartServer();
        BaseAddress = _factory.ServerAddress;
        using var client = new HttpClient { BaseAddress = BaseAddress };
        await WaitForAllProductsAsync(client, TimeSpan.FromMinutes(5));
        Attributes = await ReadAttributesAsync(Path.Combine(_data.DataDir, "demo", "catalog.jsonl"));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _data?.Dispose();
    }

    private static async Task WaitForAllProductsAsync(HttpClient client, TimeSpan timeout)
    {
        DateTime until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (body.RootElement.GetProperty("products").GetInt64() >= DemoProducts)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The demo catalog was not indexed within {timeout}.");
    }

    private static async Task<IReadOnlyDictionary<string, JsonObject>> ReadAttributesAsync(string catalog)
    {
        var attributes = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (string line in await File.ReadAllLinesAsync(catalog))
        {
            JsonObject row = JsonNode.Parse(line)!.AsObject();
            attributes[row["id"]!.GetValue<string>()] = row["attributes"]!.AsObject();
        }

        return attributes;
    }
}
