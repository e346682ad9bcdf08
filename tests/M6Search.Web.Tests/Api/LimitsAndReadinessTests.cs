using System.Net;
using System.Text.Json;
using M6Search.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Tests.Api;

public sealed class LimitsAndReadinessTests
{
    [Fact]
    public async Task Api_Answers429ProblemDetails_PastTheRateLimit()
    {
        using TestData data = await TestData.CreateAsync();
        await using var factory = new M6WebFactory(data, new Dictionary<string, string?> { ["M6:RateLimit:PermitLimit"] = "3", ["M6:RateLimit:WindowSeconds"] = "600" });
        using HttpClient client = await factory.CreateReadyClientAsync();

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 4; i++)
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri("/api/search?q=cup", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ImageSearch_Answers413_ForAPhotoOverTheUploadLimit()
    {
        using TestData data = await TestData.CreateAsync();
        await using var factory = new M6WebFactory(data, new Dictionary<string, string?> { ["M6:Upload:MaxImageBytes"] = "2048" });
        using HttpClient client = await factory.CreateReadyClientAsync();
        using JsonDocument token = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/antiforgery", UriKind.Relative)));
        byte[] large = TestData.NoiseJpeg(64);
        Assert.True(large.Length > 2048);

        using var form = SearchApiTests.PhotoForm(large, "image/jpeg", token.RootElement.GetProperty("token").GetString(), token.RootElement.GetProperty("formFieldName").GetString());
        using HttpResponseMessage response = await client.PostAsync(new Uri("/api/search/image", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_Answers503WithTheReason_WhileTheStoreIsEmpty()
    {
        using TestData data = await TestData.CreateAsync(withProducts: false);
        await using var factory = new M6WebFactory(data);
        using HttpClient client = factory.CreateClient();

        HttpResponseMessage? response = null;
        for (int i = 0; i < 100; i++)
        {
            response?.Dispose();
            response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if ((await response.Content.ReadAsStringAsync()).Contains("empty", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response!.StatusCode);
        Assert.Contains("the store is empty", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using HttpResponseMessage healthz = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        response.Dispose();
    }

    [Theory]
    [InlineData("M6:Demo:Products", "0", "M6:Demo:Products")]
    [InlineData("M6:ModelPath", "/nonexistent/model.m6model", "M6:ModelPath")]
    [InlineData("M6:RateLimit:PermitLimit", "0", "M6:RateLimit:PermitLimit")]
    [InlineData("M6:Search:PrefetchLimit", "0", "M6:Search:PrefetchLimit")]
    [InlineData("M6:ForwardedHeaders:KnownProxies:0", "not-an-address", "M6:ForwardedHeaders:KnownProxies")]
    [InlineData("M6:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99", "M6:ForwardedHeaders:KnownNetworks")]
    [InlineData("M6:RateLimit:ConcurrentSearches", "0", "M6:RateLimit:ConcurrentSearches")]
    [InlineData("M6:Upload:MaxConcurrentDecodes", "0", "M6:Upload:MaxConcurrentDecodes")]
    [InlineData("M6:RemoteImages:AllowedNetworks:0", "private", "M6:RemoteImages:AllowedNetworks")]
    [InlineData("M6:RemoteImages:AllowedHosts:0", "http://cdn.example/", "M6:RemoteImages:AllowedHosts")]
    [InlineData("M6:Dashboard:MaxJudgedQueries", "0", "M6:Dashboard:MaxJudgedQueries")]
    [InlineData("M6:QueryLog:MaxQueries", "0", "M6:QueryLog:MaxQueries")]
    public async Task Startup_Fails_NamingTheInvalidSetting(string key, string value, string named)
    {
        using TestData data = await TestData.CreateAsync(withProducts: false);
        await using var factory = new M6WebFactory(data, new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_Fails_NamingTheStoreSetting_WhenQdrantHasNoUrl()
    {
        using TestData data = await TestData.CreateAsync(withProducts: false);
        await using var factory = new M6WebFactory(data, new Dictionary<string, string?> { ["M6:Store"] = "qdrant" });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("M6:Qdrant:Url", error.Message, StringComparison.Ordinal);
    }
}
