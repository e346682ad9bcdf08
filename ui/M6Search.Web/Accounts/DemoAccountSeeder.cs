using Microsoft.Extensions.Options;

namespace M6Search.Web.Accounts;

/// <summary>
/// The demo accounts at start-up. In the Development environment (which <c>dotnet run</c> sets through
/// launchSettings.json) the missing ones are created, unless <c>M6:Accounts:SeedDemoAccounts</c> is false. In every
/// other environment none is created, and the app refuses to start while any demo account still accepts its public
/// password (an accounts database carried over from a demo), or while <c>SeedDemoAccounts</c> is true.
/// </summary>
public sealed partial class DemoAccountSeeder : IHostedService
{
    private readonly AccountService _accounts;
    private readonly AccountOptions _options;
    private readonly IHostEnvironment _environment;
    private readonly ILogger<DemoAccountSeeder> _logger;

    public DemoAccountSeeder(AccountService accounts, IOptions<AccountOptions> options, IHostEnvironment environment, ILogger<DemoAccountSeeder> logger)
    {
        _accounts = accounts;
        _options = options.Value;
        _environment = environment;
        _logger = logger;
    }

    /// <summary>Whether the demo accounts are created in this environment with these settings.</summary>
    public static bool ShouldSeed(AccountOptions options, IHostEnvironment environment) =>
        environment.IsDevelopment() && options.SeedDemoAccounts != false;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_environment.IsDevelopment())
        {
            await RefuseDemoPasswordsAsync(cancellationToken);
            return;
        }

        if (!ShouldSeed(_options, _environment))
        {
            return;
        }

        foreach (var (userName, password, role, merchantId) in DemoAccounts.All)
        {
            if (await _accounts.CreateAsync(userName, password, role, merchantId, cancellationToken))
            {
                LogSeeded(_logger, userName, role);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RefuseDemoPasswordsAsync(CancellationToken cancellationToken)
    {
        if (_options.SeedDemoAccounts == true)
        {
            throw new InvalidOperationException(
                $"{AccountOptions.SectionName}:{nameof(AccountOptions.SeedDemoAccounts)} is true in the {_environment.EnvironmentName} environment: "
                + "demo accounts (public passwords) exist only in Development. Remove the setting.");
        }

        var open = new List<string>();
        foreach (var (userName, password, _, _) in DemoAccounts.All)
        {
            if (await _accounts.HasPasswordAsync(userName, password, cancellationToken))
            {
                open.Add(userName);
            }
        }

        if (open.Count > 0)
        {
            throw new InvalidOperationException(
                $"Refusing to start in the {_environment.EnvironmentName} environment: the demo account(s) {string.Join(", ", open)} still accept "
                + "their public password (docs/web-accounts.md). Delete them from the accounts database (M6:DataDir/accounts.db) or change their passwords.");
        }
    }

    [LoggerMessage(EventId = 6200, Level = LogLevel.Warning, Message = "Created demo account {UserName} ({Role}); its password is public (docs/web-accounts.md): for demos on this machine only")]
    private static partial void LogSeeded(ILogger logger, string userName, string role);
}
