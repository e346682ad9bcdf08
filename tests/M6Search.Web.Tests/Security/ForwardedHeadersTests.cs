using System.Net;
using M6Search.Web.Tests.Accounts;
using M6Search.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace M6Search.Web.Tests.Security;

/// <summary>
/// Behind the TLS ingress: X-Forwarded-For and -Proto are believed only from the configured proxies, so each shopper has
/// their own rate-limit bucket and HTTPS is recognised; the same headers from anyone else change nothing.
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";
    private TestData _data = null!;
    private M6WebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _data = await TestData.CreateAsync(withProducts: false);
        _factory = new M6WebFactory(
            _data,
            new Dictionary<string, string?>
            {
                ["M6:Accounts:SignInsPerMinute"] = "2",
                ["M6:ForwardedHeaders:KnownProxies:0"] = Proxy,
            },
            environment: "Production",
            configureServices: services => services.AddSingleton<IStartupFilter>(new PeerAddressFromHeader()));
        _ = _factory.Server;
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task SignInLimit_IsPerRealClient_BehindAConfiguredProxy()
    {
        using HttpClient first = Client(peer: Proxy, forwardedFor: "203.0.113.1");
        using HttpClient second = Client(peer: Proxy, forwardedFor: "203.0.113.2");

        List<HttpStatusCode> firstStatuses = await SignInsAsync(first, 3);
        List<HttpStatusCode> secondStatuses = await SignInsAsync(second, 1);

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], firstStatuses);
        Assert.Equal([HttpStatusCode.Redirect], secondStatuses);
    }

    [Fact]
    public async Task ForwardedFor_FromAnUnknownPeer_IsIgnored()
    {
        using HttpClient first = Client(peer: "192.0.2.9", forwardedFor: "203.0.113.1");
        using HttpClient second = Client(peer: "192.0.2.9", forwardedFor: "203.0.113.2");

        await SignInsAsync(first, 2);
        List<HttpStatusCode> secondStatuses = await SignInsAsync(second, 1);

        Assert.Equal([HttpStatusCode.TooManyRequests], secondStatuses);
    }

    [Fact]
    public async Task ForwardedProto_FromTheProxy_MakesTheRequestHttps()
    {
        using HttpClient client = Client(peer: Proxy, forwardedFor: "203.0.113.7", https: false);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Host = "shop.example";

        using HttpResponseMessage response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "the proxy's X-Forwarded-Proto was not believed");
    }

    /// <summary>A client seen through <paramref name="peer"/>; HTTPS by default (Production's cookies are Secure).</summary>
    private HttpClient Client(string peer, string forwardedFor, bool https = true)
    {
        HttpClient client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
        });
        client.DefaultRequestHeaders.Add(PeerAddressFromHeader.Header, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    private static async Task<List<HttpStatusCode>> SignInsAsync(HttpClient client, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < count; i++)
        {
            using HttpResponseMessage response = await SignInClient.PostSignInAsync(client, "nobody", "whatever-password");
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    /// <summary>The test server has no TCP peer; this sets one from a test header before the app's middleware runs.</summary>
    private sealed class PeerAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var peer) && IPAddress.TryParse(peer, out IPAddress? address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
