using Microsoft.Extensions.Options;

namespace M6Search.Web.Accounts;

/// <summary>Creates the missing demo accounts at start-up when seeding is on (never in Production unless configured).</summary>
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
        options.SeedDemoAccounts ?? !environment.IsProduction();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
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

    [LoggerMessage(EventId = 6200, Level = LogLevel.Warning, Message = "Created demo account {UserName} ({Role}); its password is public (docs/web-accounts.md): turn M6:Accounts:SeedDemoAccounts off outside demos")]
    private static partial void LogSeeded(ILogger logger, string userName, string role);
}
