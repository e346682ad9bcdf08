using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Accounts;

/// <summary>
/// Creates accounts and checks passwords: ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with
/// HMAC-SHA512, a random salt per hash, 100,000 iterations), a lockout after repeated failures, and the claims a
/// signed-in user carries (name, role, merchant id).
/// </summary>
public sealed class AccountService
{
    private static readonly Account Nobody = new() { UserName = "", PasswordHash = "", Role = AccountRoles.Merchant };
    private readonly SqliteAccountStore _store;
    private readonly AccountOptions _options;
    private readonly TimeProvider _time;
    private readonly PasswordHasher<Account> _hasher = new();
    private readonly Lazy<string> _decoyHash;

    public AccountService(SqliteAccountStore store, IOptions<AccountOptions> options, TimeProvider time)
    {
        _store = store;
        _options = options.Value;
        _time = time;
        _decoyHash = new Lazy<string>(() => _hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));
    }

    /// <summary>Adds an account; false when the user name is taken.</summary>
    /// <exception cref="ArgumentException">The role is unknown, a merchant has no merchant id, or the password is shorter than 8 characters.</exception>
    public Task<bool> CreateAsync(string userName, string password, string role, string? merchantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (!AccountRoles.IsKnown(role))
        {
            throw new ArgumentException($"Account '{userName}': role must be '{AccountRoles.Merchant}' or '{AccountRoles.Admin}', not '{role}'.", nameof(role));
        }

        if (role == AccountRoles.Merchant && string.IsNullOrWhiteSpace(merchantId))
        {
            throw new ArgumentException($"Account '{userName}': a merchant account needs a merchant id.", nameof(merchantId));
        }

        if (password.Length < 8)
        {
            throw new ArgumentException($"Account '{userName}': the password must have at least 8 characters.", nameof(password));
        }

        var account = new Account
        {
            UserName = SqliteAccountStore.NormalizeUserName(userName),
            PasswordHash = "",
            Role = role,
            MerchantId = role == AccountRoles.Merchant ? merchantId!.Trim() : null,
        };
        return _store.TryAddAsync(account with { PasswordHash = _hasher.HashPassword(account, password) }, cancellationToken);
    }

    /// <summary>
    /// Checks the password; on success returns the principal to sign in with. Every attempt on a known account verifies
    /// the hash (a locked one too) and an unknown user verifies a decoy, so the time taken does not tell them apart.
    /// Failures are counted atomically in the store, so parallel guesses each count toward the lockout.
    /// </summary>
    public async Task<(SignInOutcome Outcome, ClaimsPrincipal? Principal)> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return (SignInOutcome.Invalid, null);
        }

        Account? account = await _store.FindAsync(userName, cancellationToken);
        DateTimeOffset now = _time.GetUtcNow();
        if (account is null)
        {
            // Spend the same time as a real check, so response times do not tell which user names exist.
            _hasher.VerifyHashedPassword(Nobody, _decoyHash.Value, password);
            return (SignInOutcome.Invalid, null);
        }

        PasswordVerificationResult result = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (account.LockedUntilUtc is { } until && until > now)
        {
            return (SignInOutcome.LockedOut, null);
        }

        if (result == PasswordVerificationResult.Failed)
        {
            bool locked = await _store.CountFailureAsync(
                account.UserName, now, _options.MaxFailedSignIns, now.AddMinutes(_options.LockoutMinutes), cancellationToken);
            return (locked ? SignInOutcome.LockedOut : SignInOutcome.Invalid, null);
        }

        if (account.FailedSignIns != 0 || account.LockedUntilUtc is not null)
        {
            await _store.SetFailuresAsync(account.UserName, 0, null, cancellationToken);
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await _store.SetPasswordHashAsync(account.UserName, _hasher.HashPassword(account, password), cancellationToken);
        }

        return (SignInOutcome.Succeeded, PrincipalOf(account));
    }

    /// <summary>
    /// Whether <paramref name="password"/> is the account's password, without counting a failure or signing in (the
    /// start-up check for demo passwords). False for an unknown user.
    /// </summary>
    public async Task<bool> HasPasswordAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        Account? account = await _store.FindAsync(userName, cancellationToken);
        return account is not null && _hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
    }

    private static ClaimsPrincipal PrincipalOf(Account account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.UserName),
            new(ClaimTypes.Role, account.Role),
        };
        if (account.Role == AccountRoles.Merchant && account.MerchantId is { } merchant)
        {
            claims.Add(new Claim(AccountClaims.MerchantId, merchant));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
