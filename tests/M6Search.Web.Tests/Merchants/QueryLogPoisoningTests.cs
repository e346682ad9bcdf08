using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using M6Search.Relevance.Storage;
using M6Search.Web.Accounts;
using M6Search.Web.Merchants;
using M6Search.Web.Tests.Accounts;
using M6Search.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace M6Search.Web.Tests.Merchants;

/// <summary>
/// A shopper's query must never break a merchant's dashboard: the search page logs only searches that succeeded, the
/// log and the judgments accept only queries the search accepts, and a dashboard skips a query that fails to rank.
/// </summary>
public sealed class QueryLogPoisoningTests : IAsyncLifetime
{
    private TestData _data = null!;
    private M6WebFactory _factory = null!;
    private HttpClient _alice = null!;

    public async Task InitializeAsync()
    {
        _data = await TestData.CreateAsync();
        _factory = new M6WebFactory(_data);
        await _factory.CreateReadyClientAsync();
        await SignInClient.AddAccountAsync(_factory, "alice", "alice-password", AccountRoles.Merchant, "m-a");
        _alice = SignInClient.Create(_factory);
        await SignInClient.SignInAsync(_alice, "alice", "alice-password");
    }

    public async Task DisposeAsync()
    {
        _alice.Dispose();
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task PageLoad_WithAControlCharacterQuery_LeavesTheMerchantDashboardWorking()
    {
        using HttpClient shopper = _factory.CreateClient();
        for (int i = 0; i < 3; i++)
        {
            (await shopper.GetAsync(new Uri("/?q=%01", UriKind.Relative))).EnsureSuccessStatusCode();
        }

        using HttpResponseMessage summary = await _alice.GetAsync(new Uri("/api/merchant/summary", UriKind.Relative));
        using HttpResponseMessage export = await _alice.GetAsync(new Uri("/api/merchant/export/rankings.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    [Fact]
    public async Task Summary_SkipsAndCountsAStoredQueryThatFailsToRank_InsteadOfFailing()
    {
        // A query log and judgments written before stored queries were validated.
        var file = new SqliteFile(Path.Combine(_data.DataDir, MerchantServiceCollectionExtensions.DatabaseFile));
        await _factory.Services.GetRequiredService<M6Search.Relevance.QueryLog.IQueryLog>().RecordAsync("coffee cup");
        await _factory.Services.GetRequiredService<M6Search.Relevance.Judgments.IJudgmentStore>().ListAsync("m-a");
        await file.ExecuteAsync("""
            INSERT INTO query_log (query, count, last_utc) VALUES ('bad' || char(1), 99, '2026-01-01T00:00:00.0000000+00:00');
            INSERT INTO judgments (merchant_id, query, product_id, relevant, updated_utc)
            VALUES ('m-a', 'worse' || char(2), 'p-bumpy', 1, '2026-01-01T00:00:00.0000000+00:00');
            """);

        using HttpResponseMessage summary = await _alice.GetAsync(new Uri("/api/merchant/summary", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        using JsonDocument json = JsonDocument.Parse(await summary.Content.ReadAsStringAsync());
        Assert.Equal(1, json.RootElement.GetProperty("queriesSkipped").GetInt32());
    }

    [Theory]
    [InlineData("cup\u0001")]
    [InlineData("\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA")]
    public async Task Judge_Answers400_ForAQueryTheSearchWouldRefuse(string query)
    {
        string token = await SignInClient.ApiTokenAsync(_alice);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/merchant/judgments", UriKind.Relative))
        {
            Content = JsonContent.Create(new { query, productId = "p-bumpy", relevant = true }),
        };
        request.Headers.Add("RequestVerificationToken", token);

        using HttpResponseMessage response = await _alice.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument judgments = JsonDocument.Parse(await _alice.GetStringAsync(new Uri("/api/merchant/judgments", UriKind.Relative)));
        Assert.Empty(judgments.RootElement.EnumerateArray());
    }
}
