using System.Net;
using M6Search.Relevance.QueryLog;
using M6Search.Web.Runtime;
using M6Search.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace M6Search.Web.Tests.Api;

/// <summary>Page loads are rate limited like the API, searches wait in a bounded queue for the encoder, and a page load searches nothing while prerendering.</summary>
public sealed class RequestLimitsTests
{
    [Fact]
    public async Task PageLoads_Answer429_PastThePerClientLimit()
    {
        using TestData data = await TestData.CreateAsync();
        await using var factory = new M6WebFactory(data, new Dictionary<string, string?> { ["M6:RateLimit:PermitLimit"] = "3", ["M6:RateLimit:WindowSeconds"] = "600" });
        using HttpClient client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 4; i++)
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri("/?q=cup", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task PageLoad_WithAQuery_SearchesNothingWhilePrerendering()
    {
        using TestData data = await TestData.CreateAsync();
        await using var factory = new M6WebFactory(data);
        using HttpClient client = await factory.CreateReadyClientAsync();

        string html = await client.GetStringAsync(new Uri("/?q=bumpy%20cup", UriKind.Relative));

        // The interactive render searches once the circuit is up; the prerender only shows the query.
        Assert.Contains("bumpy cup", html, StringComparison.Ordinal);
        Assert.Empty(await factory.Services.GetRequiredService<IQueryLog>().TopAsync(10));
    }

    [Fact]
    public async Task Search_Answers429_WhenTheEncoderQueueIsFull_InsteadOfWaiting()
    {
        using TestData data = await TestData.CreateAsync();
        var encoder = new GatedEncoderLoader();
        await using var factory = new M6WebFactory(
            data,
            new Dictionary<string, string?> { ["M6:RateLimit:ConcurrentSearches"] = "1", ["M6:RateLimit:SearchQueueLimit"] = "0" },
            configureServices: services => services.AddSingleton<IEncoderLoader>(encoder));
        using HttpClient client = await factory.CreateReadyClientAsync();
        try
        {
            Task<HttpResponseMessage> slow = client.GetAsync(new Uri("/api/search?q=slow%20cup", UriKind.Relative));
            Assert.True(encoder.Entered.Wait(TimeSpan.FromSeconds(30)), "the first search never reached the encoder");

            Task<HttpResponseMessage> second = client.GetAsync(new Uri("/api/search?q=cup", UriKind.Relative));
            await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(5)));
            encoder.Gate.Set();

            using HttpResponseMessage refused = await second;
            using HttpResponseMessage answered = await slow;
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.True(refused.Headers.Contains("Retry-After"));
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
        finally
        {
            encoder.Gate.Set();
        }
    }
}
