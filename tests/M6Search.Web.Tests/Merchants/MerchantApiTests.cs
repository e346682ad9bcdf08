using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using M6Search.Relevance.QueryLog;
using M6Search.Web.Accounts;
using M6Search.Web.Tests.Accounts;
using M6Search.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace M6Search.Web.Tests.Merchants;

/// <summary>Merchant A (m-a: p-bumpy, p-plain) must never read or change merchant B's (m-b: p-smooth, p-vase) data.</summary>
public sealed class MerchantApiTests : IAsyncLifetime
{
    private TestData _data = null!;
    private M6WebFactory _factory = null!;
    private HttpClient _alice = null!;
    private HttpClient _bob = null!;

    public async Task InitializeAsync()
    {
        _data = await TestData.CreateAsync();
        _factory = new M6WebFactory(_data);
        await _factory.CreateReadyClientAsync();
        await SignInClient.AddAccountAsync(_factory, "alice", "alice-password", AccountRoles.Merchant, "m-a");
        await SignInClient.AddAccountAsync(_factory, "bob", "bob-password", AccountRoles.Merchant, "m-b");
        await SignInClient.AddAccountAsync(_factory, "root", "root-password", AccountRoles.Admin, null);
        _alice = SignInClient.Create(_factory);
        _bob = SignInClient.Create(_factory);
        await SignInClient.SignInAsync(_alice, "alice", "alice-password");
        await SignInClient.SignInAsync(_bob, "bob", "bob-password");
    }

    public async Task DisposeAsync()
    {
        _alice.Dispose();
        _bob.Dispose();
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Theory]
    [InlineData("/api/merchant/summary")]
    [InlineData("/api/merchant/products")]
    [InlineData("/api/merchant/judgments")]
    [InlineData("/api/merchant/export/rankings.csv")]
    [InlineData("/api/merchant/export/judgments.csv")]
    [InlineData("/api/merchant/products/p-bumpy/suggestions")]
    public async Task MerchantApi_Answers401_ToAnonymousUsers(string path)
    {
        using HttpClient anonymous = SignInClient.Create(_factory);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task MerchantApi_Answers403_ToAdmins()
    {
        using HttpClient admin = SignInClient.Create(_factory);
        await SignInClient.SignInAsync(admin, "root", "root-password");

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(new Uri("/api/merchant/products", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task MerchantPage_RedirectsAnonymousUsersToSignIn()
    {
        using HttpClient anonymous = SignInClient.Create(_factory);

        using HttpResponseMessage response = await anonymous.GetAsync(new Uri("/merchant", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MerchantPage_RendersForTheSignedInMerchant_WithItsIdFromTheClaim()
    {
        string html = await _alice.GetStringAsync(new Uri("/merchant?merchant=m-b", UriKind.Relative));

        Assert.Contains("data-testid=\"merchant-dashboard\"", html, StringComparison.Ordinal);
        Assert.Contains(">m-a<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">m-b<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Products_AreOnlyTheSignedInMerchants()
    {
        Assert.Equal(["p-bumpy", "p-plain"], (await ProductIdsAsync(_alice)).Order(StringComparer.Ordinal));
        Assert.Equal(["p-smooth", "p-vase"], (await ProductIdsAsync(_bob)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Products_IgnoreAMerchantNamedInTheQueryString()
    {
        using JsonDocument products = JsonDocument.Parse(await _alice.GetStringAsync(new Uri("/api/merchant/products?merchant=m-b&merchantId=m-b", UriKind.Relative)));

        Assert.DoesNotContain(products.RootElement.EnumerateArray(), p => p.GetProperty("id").GetString() is "p-smooth" or "p-vase");
    }

    [Fact]
    public async Task Suggestions_Answer404_ForAnotherMerchantsProduct()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _alice.GetAsync(new Uri("/api/merchant/products/p-smooth/suggestions", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _bob.GetAsync(new Uri("/api/merchant/products/p-smooth/suggestions", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Judge_Answers404_ForAnotherMerchantsProduct_AndStoresNothing()
    {
        using HttpResponseMessage response = await PostJudgmentAsync(_alice, "bumpy cup", "p-smooth", relevant: false);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty((await JudgmentsAsync(_alice)).RootElement.EnumerateArray());
        Assert.Empty((await JudgmentsAsync(_bob)).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Judgments_AreInvisibleToOtherMerchants_InTheApiAndTheExport()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await PostJudgmentAsync(_alice, "bumpy cup", "p-bumpy", relevant: true)).StatusCode);

        Assert.Single((await JudgmentsAsync(_alice)).RootElement.EnumerateArray());
        Assert.Empty((await JudgmentsAsync(_bob)).RootElement.EnumerateArray());
        string bobsExport = await _bob.GetStringAsync(new Uri("/api/merchant/export/judgments.csv", UriKind.Relative));
        Assert.DoesNotContain("p-bumpy", bobsExport, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judge_RecomputesTheMerchantsJudgmentMetrics()
    {
        await PostJudgmentAsync(_alice, "bumpy coffee cup", "p-bumpy", relevant: true);

        using JsonDocument summary = JsonDocument.Parse(await _alice.GetStringAsync(new Uri("/api/merchant/summary", UriKind.Relative)));

        Assert.Equal(1, summary.RootElement.GetProperty("judgedQueries").GetInt32());
        Assert.True(summary.RootElement.GetProperty("judgedNdcgAt10").GetDouble() > 0);
    }

    [Fact]
    public async Task Judge_IsRefused_WithoutTheAntiforgeryHeader()
    {
        using HttpResponseMessage response = await _alice.PostAsJsonAsync(
            new Uri("/api/merchant/judgments", UriKind.Relative), new { query = "cup", productId = "p-bumpy", relevant = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await JudgmentsAsync(_alice)).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task JudgmentsExport_NeutralisesFormulas()
    {
        await PostJudgmentAsync(_alice, "=HYPERLINK(\"http://evil\")", "p-bumpy", relevant: true);

        string csv = await _alice.GetStringAsync(new Uri("/api/merchant/export/judgments.csv", UriKind.Relative));

        Assert.Contains("\"'=hyperlink(", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RankingsExport_HoldsOnlyTheMerchantsProducts()
    {
        await _factory.Services.GetRequiredService<IQueryLog>().RecordAsync("coffee cup");

        string csv = await _alice.GetStringAsync(new Uri("/api/merchant/export/rankings.csv", UriKind.Relative));

        Assert.Contains("p-bumpy", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("p-smooth", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("p-escape", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchApi_RecordsShopperQueriesInTheQueryLog()
    {
        using HttpClient shopper = _factory.CreateClient();
        (await shopper.GetAsync(new Uri("/api/search?q=Bumpy%20Coffee%20Cup", UriKind.Relative))).EnsureSuccessStatusCode();

        IReadOnlyList<LoggedQuery> top = await _factory.Services.GetRequiredService<IQueryLog>().TopAsync(10);

        Assert.Contains(top, q => q.Text == "bumpy coffee cup");
    }

    private static async Task<List<string>> ProductIdsAsync(HttpClient client)
    {
        using JsonDocument products = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/merchant/products", UriKind.Relative)));
        return products.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
    }

    private static async Task<JsonDocument> JudgmentsAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/merchant/judgments", UriKind.Relative)));

    private static async Task<HttpResponseMessage> PostJudgmentAsync(HttpClient client, string query, string productId, bool? relevant)
    {
        string token = await SignInClient.ApiTokenAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/merchant/judgments", UriKind.Relative))
        {
            Content = JsonContent.Create(new { query, productId, relevant }),
        };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }
}
