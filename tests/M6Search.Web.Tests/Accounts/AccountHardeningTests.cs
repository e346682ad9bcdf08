using M6Search.Relevance.Storage;
using M6Search.Web.Accounts;
using M6Search.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Tests.Accounts;

/// <summary>Demo accounts exist only in Development; lockout counts every failure, and a locked account answers like any failure.</summary>
public sealed class AccountHardeningTests
{
    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public async Task DemoAccounts_AreNotCreated_OutsideDevelopment(string environment)
    {
        using TestData data = await TestData.CreateAsync(withProducts: false);
        await using var factory = new M6WebFactory(data, environment: environment);
        _ = factory.Server;

        (string user, string password, _, _) = DemoAccounts.All[0];
        var (outcome, _) = await factory.Services.GetRequiredService<AccountService>().SignInAsync(user, password);

        Assert.NotEqual(SignInOutcome.Succeeded, outcome);
    }

    [Fact]
    public async Task DemoAccounts_AreCreated_InDevelopment()
    {
        using TestData data = await TestData.CreateAsync(withProducts: false);
        await using var factory = new M6WebFactory(data);
        _ = factory.Server;

        (string user, string password, _, _) = DemoAccounts.All[0];
        var (outcome, _) = await factory.Services.GetRequiredService<AccountService>().SignInAsync(user, password);

        Assert.Equal(SignInOutcome.Succeeded, outcome);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public async Task Startup_IsRefused_OutsideDevelopment_WhileADemoPasswordStillWorks(string environment)
    {
        using TestData data = await TestData.CreateAsync(withProducts: false);
        // An accounts database left over from a demo run.
        var store = new SqliteAccountStore(new SqliteFile(Path.Combine(data.DataDir, "accounts.db")));
        var accounts = new AccountService(store, Options.Create(new AccountOptions()), TimeProvider.System);
        (string user, string password, string role, string? merchant) = DemoAccounts.All[1];
        Assert.True(await accounts.CreateAsync(user, password, role, merchant));
        await using var factory = new M6WebFactory(data, environment: environment);

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains(user, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParallelWrongPasswords_AllCountTowardTheLockout()
    {
        using TestData data = await TestData.CreateAsync(withProducts: false);
        await using var factory = new M6WebFactory(data, new Dictionary<string, string?> { ["M6:Accounts:MaxFailedSignIns"] = "4" });
        _ = factory.Server;
        AccountService accounts = factory.Services.GetRequiredService<AccountService>();
        Assert.True(await accounts.CreateAsync("alice", "alice-password", AccountRoles.Merchant, "m-a"));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => accounts.SignInAsync("alice", $"guess-{i}"))));
        var (outcome, _) = await accounts.SignInAsync("alice", "alice-password");

        Assert.NotEqual(SignInOutcome.Succeeded, outcome);
    }
}
