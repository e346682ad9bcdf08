using System.Net;
using M6Search.Web.Tests.Infrastructure;

namespace M6Search.Web.Tests.Accounts;

public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private TestData _data = null!;
    private M6WebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _data = await TestData.CreateAsync(withProducts: false);
        _factory = new M6WebFactory(_data, new Dictionary<string, string?> { ["M6:Accounts:SignInsPerMinute"] = "2" });
        _ = _factory.Server;
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task SignIn_Answers429_PastThePerClientLimit()
    {
        using HttpClient client = SignInClient.Create(_factory);
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage response = await SignInClient.PostSignInAsync(client, "nobody", "whatever-password");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }
}
