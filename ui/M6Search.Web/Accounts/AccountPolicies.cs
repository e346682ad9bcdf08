namespace M6Search.Web.Accounts;

/// <summary>Authorization policy names.</summary>
public static class AccountPolicies
{
    /// <summary>A signed-in merchant with a merchant id claim.</summary>
    public const string Merchant = "Merchant";

    /// <summary>A signed-in admin.</summary>
    public const string Admin = "Admin";

    /// <summary>The rate limiter policy on sign-in.</summary>
    public const string SignInRateLimit = "sign-in";
}
