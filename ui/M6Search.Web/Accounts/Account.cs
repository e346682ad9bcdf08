namespace M6Search.Web.Accounts;

/// <summary>A stored account. <see cref="PasswordHash"/> is a PasswordHasher (PBKDF2) hash, never the password.</summary>
public sealed record Account
{
    public required string UserName { get; init; }

    public required string PasswordHash { get; init; }

    public required string Role { get; init; }

    /// <summary>The merchant a merchant account belongs to; null for admins.</summary>
    public string? MerchantId { get; init; }

    public int FailedSignIns { get; init; }

    public DateTimeOffset? LockedUntilUtc { get; init; }
}
