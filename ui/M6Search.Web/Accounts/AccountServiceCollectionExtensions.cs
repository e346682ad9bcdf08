using System.Threading.RateLimiting;
using M6Search.Relevance.Storage;
using M6Search.Web.Configuration;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Accounts;

/// <summary>Registers accounts, cookie authentication, the Merchant and Admin policies and the sign-in rate limit.</summary>
public static class AccountServiceCollectionExtensions
{
    /// <summary>The sign-in cookie's name.</summary>
    public const string CookieName = "m6.auth";

    public static IServiceCollection AddM6Accounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountOptions>>(new ErrorListValidator<AccountOptions>(o => o.Validate()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            string dataDir = provider.GetRequiredService<IOptions<M6Options>>().Value.DataDirFullPath;
            string database = provider.GetRequiredService<IOptions<AccountOptions>>().Value.Database;
            return new SqliteAccountStore(new SqliteFile(Path.Combine(dataDir, database)));
        });
        services.AddSingleton<AccountService>();
        services.AddHostedService<DemoAccountSeeder>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.LoginPath = AccountEndpoints.SignInPath;
            cookie.AccessDeniedPath = AccountEndpoints.DeniedPath;
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AccountOptions>, IHostEnvironment>((cookie, accounts, environment) =>
            {
                cookie.ExpireTimeSpan = TimeSpan.FromHours(accounts.Value.SessionHours);

                // Behind the TLS ingress the app may see plain HTTP: outside Development the cookie is sent over HTTPS
                // only, whatever the app sees. (The antiforgery cookie stays as the request: ASP.NET refuses to check a
                // Secure-only token on a request it sees as HTTP, and that token is no credential.)
                cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(AccountPolicies.Merchant, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(AccountRoles.Merchant)
                .RequireAssertion(context => AccountClaims.MerchantIdOf(context.User) is not null))
            .AddPolicy(AccountPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(AccountRoles.Admin));
        services.AddCascadingAuthenticationState();

        services.AddRateLimiter(limiter => limiter.AddPolicy(AccountPolicies.SignInRateLimit, http =>
        {
            int perMinute = http.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.SignInsPerMinute;
            string client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }));
        return services;
    }

    /// <summary>API requests get a status code; pages are redirected to sign in (or to the access-denied page).</summary>
    private static Task ApiStatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
