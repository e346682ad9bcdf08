using System.Net;
using System.Text.Json;
using M6Search.Web.Tests.Infrastructure;

namespace M6Search.Web.Tests.Api;

/// <summary>The real thing on a fresh data folder: the shipped model, the demo bootstrap, and a search.</summary>
public sealed class ShippedModelTests
{
    [Fact]
    public async Task FreshDataDir_GeneratesAndIndexesTheDemoCatalog_ThenSearchesItWithTheShippedModel()
    {
        using TestData data = await TestData.CreateAsync(withProducts: false);
        await using var factory = new M6WebFactory(
            data,
            new Dictionary<string, string?>
            {
                ["M6:Demo:Enabled"] = "true",
                ["M6:Demo:Products"] = "60",
                ["M6:CatalogDir"] = null,
            },
            realModel: true);
        using HttpClient client = await factory.CreateReadyClientAsync(TimeSpan.FromMinutes(3));

        using HttpResponseMessage ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(File.Exists(Path.Combine(data.DataDir, "demo", "catalog.jsonl")));

        using JsonDocument body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/search?q=bumpy%20coffee%20cup&k=10&details=true", UriKind.Relative)));
        JsonElement[] results = body.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(10, results.Length);
        Assert.All(results, r => Assert.True(r.GetProperty("payload").TryGetProperty("attributes", out _)));
        Assert.All(results, r => Assert.InRange(r.GetProperty("match").GetProperty("image").GetProperty("score").GetSingle(), -1.001f, 1.001f));
        Assert.True(body.RootElement.GetProperty("timings").GetProperty("embeddingMs").GetDouble() > 0);

        string firstId = results[0].GetProperty("id").GetString()!;
        using HttpResponseMessage image = await client.GetAsync(new Uri("/images/" + firstId, UriKind.Relative));
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
    }
}
