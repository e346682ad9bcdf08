using System.Net;
using M6Search.Web.Accounts;
using M6Search.Web.Runtime;
using M6Search.Web.Tests.Accounts;
using M6Search.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace M6Search.Web.Tests.Security;

/// <summary>What the app sends outside Development: Secure cookies, HSTS over HTTPS, security headers, no OpenAPI, generic reasons.</summary>
public sealed class ProductionHardeningTests
{
    [Fact]
    public async Task SignInCookie_IsSecure_OutsideDevelopment_EvenWhenTheAppSeesPlainHttp()
    {
        // Behind a TLS-terminating ingress the app itself is reached over plain HTTP.
        using TestData data = await TestData.CreateAsync();
        await using var factory = new M6WebFactory(data, environment: "Production");
        using HttpClient client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        await SignInClient.AddAccountAsync(factory, "alice", "alice-password", AccountRoles.Merchant, "m-a");
        using HttpResponseMessage form = await client.GetAsync(new Uri(AccountEndpoints.SignInPath, UriKind.Relative));
        string antiforgeryCookie = form.Headers.GetValues("Set-Cookie").Single(c => c.Contains("Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        string token = System.Text.RegularExpressions.Regex.Match(
            await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(AccountEndpoints.SignInPath, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = "alice",
                ["password"] = "alice-password",
                ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);

        using HttpResponseMessage response = await client.SendAsync(request);

        string cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccountServiceCollectionExtensions.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Https_GetsStrictTransportSecurity_OutsideDevelopment()
    {
        using TestData data = await TestData.CreateAsync(withProducts: false);
        await using var factory = new M6WebFactory(data, environment: "Production");
        using HttpClient client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://shop.example") });

        using HttpResponseMessage response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "no HSTS header over HTTPS");
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders_ThatForbidFramingAndForeignScripts()
    {
        using TestData data = await TestData.CreateAsync(withProducts: false);
        await using var factory = new M6WebFactory(data);
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri("/", UriKind.Relative));

        string csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Theory]
    [InlineData("Production", null, HttpStatusCode.NotFound)]
    [InlineData("Production", "true", HttpStatusCode.OK)]
    [InlineData("Development", null, HttpStatusCode.OK)]
    [InlineData("Development", "false", HttpStatusCode.NotFound)]
    public async Task OpenApi_IsServed_InDevelopmentOrWhenConfigured(string environment, string? enabled, HttpStatusCode expected)
    {
        using TestData data = await TestData.CreateAsync(withProducts: false);
        await using var factory = new M6WebFactory(data, new Dictionary<string, string?> { ["M6:OpenApi:Enabled"] = enabled }, environment: environment);
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_And503s_DoNotShowTheExceptionMessage_WhenTheBackEndFailed()
    {
        using TestData data = await TestData.CreateAsync(withProducts: false);
        await using var factory = new M6WebFactory(data, configureServices: services =>
        {
            services.AddSingleton<IEncoderLoader>(new ThrowingEncoderLoader("secret-path /srv/models/x.m6model: permission denied"));
        });
        using HttpClient client = factory.CreateClient();
        SearchRuntime runtime = factory.Services.GetRequiredService<SearchRuntime>();
        for (int i = 0; i < 100 && runtime.Phase != RuntimePhase.Failed; i++)
        {
            await Task.Delay(50);
        }

        using HttpResponseMessage ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using HttpResponseMessage search = await client.GetAsync(new Uri("/api/search?q=cup", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, search.StatusCode);
        Assert.DoesNotContain("secret-path", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path", await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed class ThrowingEncoderLoader(string message) : IEncoderLoader
    {
        public M6Search.Encoder.IProductEncoder Load(string? modelPath) => throw new InvalidOperationException(message);
    }
}
