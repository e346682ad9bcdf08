using System.Net;
using System.Text.RegularExpressions;
using M6Search.Web.Accounts;
using M6Search.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace M6Search.Web.Tests.Accounts;

/// <summary>Signs in through the real form: GET the sign-in page for its antiforgery token, POST the form.</summary>
internal static partial class SignInClient
{
    /// <summary>A cookie-keeping client that does not follow redirects (so tests see them).</summary>
    public static HttpClient Create(M6WebFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task AddAccountAsync(M6WebFactory factory, string userName, string password, string role, string? merchantId)
    {
        Assert.True(await factory.Services.GetRequiredService<AccountService>().CreateAsync(userName, password, role, merchantId));
    }

    /// <summary>Posts the sign-in form and returns the response (a redirect).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password, string? returnUrl = null, bool withToken = true)
    {
        var fields = new Dictionary<string, string> { ["username"] = userName, ["password"] = password, ["returnUrl"] = returnUrl ?? "/" };
        if (withToken)
        {
            fields["__RequestVerificationToken"] = await FormTokenAsync(client);
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(AccountEndpoints.SignInPath, UriKind.Relative), form);
    }

    /// <summary>Signs in and checks that it worked.</summary>
    public static async Task SignInAsync(HttpClient client, string userName, string password)
    {
        using HttpResponseMessage response = await PostSignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    /// <summary>The antiforgery token of the sign-in form (its cookie lands in the client's cookie jar).</summary>
    public static async Task<string> FormTokenAsync(HttpClient client)
    {
        string html = await client.GetStringAsync(new Uri(AccountEndpoints.SignInPath, UriKind.Relative));
        Match match = TokenPattern().Match(html);
        Assert.True(match.Success, "The sign-in page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>A token for API POSTs (RequestVerificationToken header), for the user signed in on this client.</summary>
    public static async Task<string> ApiTokenAsync(HttpClient client)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/antiforgery", UriKind.Relative)));
        return json.RootElement.GetProperty("token").GetString()!;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
