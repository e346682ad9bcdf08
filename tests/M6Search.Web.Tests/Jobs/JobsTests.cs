using System.Net;
using M6Search.Web.Accounts;
using M6Search.Web.Jobs;
using M6Search.Web.Tests.Accounts;
using M6Search.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace M6Search.Web.Tests.Jobs;

public sealed class JobsTests : IAsyncLifetime
{
    private TestData _data = null!;
    private M6WebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _data = await TestData.CreateAsync();
        _factory = new M6WebFactory(_data);
        await _factory.CreateReadyClientAsync();
        await SignInClient.AddAccountAsync(_factory, "root", "root-password", AccountRoles.Admin, null);
        await SignInClient.AddAccountAsync(_factory, "alice", "alice-password", AccountRoles.Merchant, "m-a");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task JobsPage_IsDeniedToMerchants_AndSendsAnonymousUsersToSignIn()
    {
        using HttpClient merchant = SignInClient.Create(_factory);
        await SignInClient.SignInAsync(merchant, "alice", "alice-password");
        using HttpClient anonymous = SignInClient.Create(_factory);

        using HttpResponseMessage denied = await merchant.GetAsync(new Uri("/jobs", UriKind.Relative));
        using HttpResponseMessage challenged = await anonymous.GetAsync(new Uri("/jobs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal(AccountEndpoints.DeniedPath, denied.Headers.Location?.AbsolutePath);
        Assert.Equal(AccountEndpoints.SignInPath, challenged.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task JobsApi_Answers401And403_ToAnonymousUsersAndMerchants()
    {
        using HttpClient merchant = SignInClient.Create(_factory);
        await SignInClient.SignInAsync(merchant, "alice", "alice-password");
        using HttpClient anonymous = SignInClient.Create(_factory);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/jobs", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await merchant.GetAsync(new Uri("/api/jobs", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task JobsPage_RendersForAdmins()
    {
        using HttpClient admin = SignInClient.Create(_factory);
        await SignInClient.SignInAsync(admin, "root", "root-password");

        string html = await admin.GetStringAsync(new Uri("/jobs", UriKind.Relative));

        Assert.Contains("data-testid=\"jobs-page\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_IndexesTheCatalog_KeepsHistory_AndServesItsErrorReportToAdminsOnly()
    {
        string catalog = WriteCatalog();
        var runner = _factory.Services.GetRequiredService<IndexingJobRunner>();

        (JobRecord? job, string? error) = await runner.StartAsync(catalog, "root");
        Assert.Null(error);
        JobRecord finished = await WaitForEndAsync(runner, job!.Id);

        Assert.Equal(JobState.CompletedWithRejects, finished.State);
        Assert.Equal(1, finished.Indexed);
        Assert.Equal(1, finished.Rejected);
        using HttpClient admin = SignInClient.Create(_factory);
        await SignInClient.SignInAsync(admin, "root", "root-password");
        string report = await admin.GetStringAsync(new Uri($"/api/jobs/{job.Id}/errors", UriKind.Relative));
        Assert.Contains("bad-row", report, StringComparison.Ordinal);
        using HttpClient merchant = SignInClient.Create(_factory);
        await SignInClient.SignInAsync(merchant, "alice", "alice-password");
        Assert.Equal(HttpStatusCode.Forbidden, (await merchant.GetAsync(new Uri($"/api/jobs/{job.Id}/errors", UriKind.Relative))).StatusCode);
        var store = _factory.Services.GetRequiredService<M6Search.Web.Runtime.SearchRuntime>().Store!;
        Assert.NotNull(await store.GetAsync("p-new"));
    }

    [Theory]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("..%2F..%2Fsecret.jpg")]
    [InlineData("not-a-job")]
    public async Task ErrorReport_Answers404_ForUnknownOrMalformedJobIds(string id)
    {
        using HttpClient admin = SignInClient.Create(_factory);
        await SignInClient.SignInAsync(admin, "root", "root-password");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/api/jobs/{id}/errors", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Start_RefusesACatalogOutsideTheAllowedFolders()
    {
        var runner = _factory.Services.GetRequiredService<IndexingJobRunner>();

        (JobRecord? job, string? error) = await runner.StartAsync(Path.Combine(_data.Root, "secret.jpg"), "root");

        Assert.Null(job);
        Assert.NotNull(error);
        Assert.Empty(await runner.History.ListAsync(10));
    }

    [Fact]
    public async Task Job_RejectsImagesOutsideTheAllowedFolders_AndUrlsIntoThisMachine()
    {
        string folder = Path.Combine(_data.DataDir, "catalogs");
        Directory.CreateDirectory(folder);
        string secret = Path.Combine(_data.Root, "secret.jpg");
        string catalog = Path.Combine(folder, "escapes.jsonl");
        File.WriteAllLines(catalog,
        [
            $$"""{"id":"p-absolute","title":"Absolute Cup","image":{{System.Text.Json.JsonSerializer.Serialize(secret)}},"merchant":"m-a"}""",
            """{"id":"p-dotdot","title":"Dot Dot Cup","image":"../../secret.jpg","merchant":"m-a"}""",
            """{"id":"p-loopback","title":"Loopback Cup","image":"http://127.0.0.1:9/cup.jpg","merchant":"m-a"}""",
        ]);
        var runner = _factory.Services.GetRequiredService<IndexingJobRunner>();

        (JobRecord? job, string? error) = await runner.StartAsync(catalog, "root");
        Assert.Null(error);
        JobRecord finished = await WaitForEndAsync(runner, job!.Id);

        Assert.Equal(0, finished.Indexed);
        Assert.Equal(3, finished.Rejected);
        string report = await File.ReadAllTextAsync(Path.Combine(finished.StateDirectory, IndexingJobRunner.ErrorReportFile));
        Assert.Equal(2, report.Split('\n').Count(line => line.Contains("outside the allowed folders", StringComparison.Ordinal)));
        Assert.Contains("not a public address", report, StringComparison.Ordinal);
        var store = _factory.Services.GetRequiredService<M6Search.Web.Runtime.SearchRuntime>().Store!;
        Assert.Null(await store.GetAsync("p-absolute"));
    }

    private string WriteCatalog()
    {
        string folder = Path.Combine(_data.DataDir, "catalogs");
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        File.WriteAllBytes(Path.Combine(folder, "images", "new.jpg"), TestData.Jpeg(SkiaSharp.SKColors.Blue));
        string path = Path.Combine(folder, "catalog.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"p-new","title":"Ribbed Glass Vase","image":"images/new.jpg","merchant":"m-a","category":"vase","price":15}""",
            """{"id":"bad-row","title":"Broken Image Cup","image":"images/missing.jpg","merchant":"m-a"}""",
        ]);
        return path;
    }

    private static async Task<JobRecord> WaitForEndAsync(IndexingJobRunner runner, string id)
    {
        for (int i = 0; i < 600; i++)
        {
            JobRecord? job = await runner.History.GetAsync(id);
            if (job is not null && job.State != JobState.Running && runner.Current is null)
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Job {id} did not end within a minute.");
    }
}
