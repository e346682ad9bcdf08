namespace M6Search.Web.Accounts;

/// <summary>The two roles: a merchant (bound to one merchant id) and an admin (runs indexing jobs).</summary>
public static class AccountRoles
{
    public const string Merchant = "merchant";

    public const string Admin = "admin";

    public static bool IsKnown(string role) => role is Merchant or Admin;
}
