using System.Net;
using M6Search.Web.Accounts;
using M6Search.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace M6Search.Web.Tests.Accounts;

public sealed class AccountEndpointTests : IAsyncLifetime
{
    private TestData _data = null!;
    private M6WebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _data = await TestData.CreateAsync();
        _factory = new M6WebFactory(_data, new Dictionary<string, string?>
        {
            ["M6:Accounts:MaxFailedSignIns"] = "3",
            ["M6:Accounts:SignInsPerMinute"] = "1000",
        });
        await _factory.CreateReadyClientAsync();
        await SignInClient.AddAccountAsync(_factory, "alice", "alice-password", AccountRoles.Merchant, "m-a");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task SignIn_SetsAnHttpOnlySameSiteCookie_AndRedirectsToTheReturnUrl()
    {
        using HttpClient client = SignInClient.Create(_factory);

        using HttpResponseMessage response = await SignInClient.PostSignInAsync(client, "alice", "alice-password", "/merchant");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/merchant", response.Headers.Location?.OriginalString);
        string cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccountServiceCollectionExtensions.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_SendsBackToTheForm_WhenThePasswordIsWrong()
    {
        using HttpClient client = SignInClient.Create(_factory);

        using HttpResponseMessage response = await SignInClient.PostSignInAsync(client, "alice", "wrong-password");

        Assert.StartsWith("/account/login?error=invalid", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(AccountServiceCollectionExtensions.CookieName, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_IsRefused_WithoutTheAntiforgeryToken()
    {
        using HttpClient client = SignInClient.Create(_factory);

        using HttpResponseMessage response = await SignInClient.PostSignInAsync(client, "alice", "alice-password", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_LocksTheAccount_AfterRepeatedFailures_AndAnswersAsForAnUnknownUser()
    {
        using HttpClient client = SignInClient.Create(_factory);
        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage failed = await SignInClient.PostSignInAsync(client, "alice", "wrong-password");
        }

        using HttpResponseMessage locked = await SignInClient.PostSignInAsync(client, "alice", "alice-password");
        using HttpResponseMessage unknown = await SignInClient.PostSignInAsync(client, "nobody-here", "alice-password");

        Assert.DoesNotContain(locked.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(AccountServiceCollectionExtensions.CookieName, StringComparison.Ordinal)));
        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        Assert.Equal(unknown.Headers.Location, locked.Headers.Location);
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task SignIn_NeverRedirectsToAnotherSite(string returnUrl)
    {
        using HttpClient client = SignInClient.Create(_factory);

        using HttpResponseMessage response = await SignInClient.PostSignInAsync(client, "alice", "alice-password", returnUrl);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using HttpClient client = SignInClient.Create(_factory);
        await SignInClient.SignInAsync(client, "alice", "alice-password");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/merchant/products", UriKind.Relative))).StatusCode);

        string token = await SignInClient.FormTokenAsync(client);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using HttpResponseMessage signOut = await client.PostAsync(new Uri(AccountEndpoints.SignOutPath, UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/merchant/products", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Passwords_AreStoredAsSaltedHashes()
    {
        await SignInClient.AddAccountAsync(_factory, "bob", "same-password", AccountRoles.Merchant, "m-b");
        await SignInClient.AddAccountAsync(_factory, "carol", "same-password", AccountRoles.Merchant, "m-c");

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.DataDir, "accounts.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash FROM accounts WHERE user_name IN ('bob', 'carol');";
        var hashes = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                hashes.Add(reader.GetString(0));
            }
        }

        Assert.Equal(2, hashes.Count);
        Assert.All(hashes, h => Assert.DoesNotContain("same-password", h, StringComparison.Ordinal));
        Assert.NotEqual(hashes[0], hashes[1]);
    }

    [Fact]
    public async Task DemoAccounts_CanSignIn_InDevelopment()
    {
        using HttpClient client = SignInClient.Create(_factory);

        (string user, string password, _, _) = DemoAccounts.All.First(a => a.Role == AccountRoles.Merchant);

        await SignInClient.SignInAsync(client, user, password);
    }
}
