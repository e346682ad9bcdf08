namespace M6Search.Web.Accounts;

/// <summary>
/// The demo accounts (docs/web-accounts.md). FOR THE DEMO ONLY: their passwords are public. They are created only
/// when <see cref="AccountOptions.SeedDemoAccounts"/> allows it.
/// </summary>
public static class DemoAccounts
{
    public static IReadOnlyList<(string UserName, string Password, string Role, string? MerchantId)> All { get; } =
    [
        ("admin", "demo-admin-pass", AccountRoles.Admin, null),
        ("merchant01", "demo-m01-pass", AccountRoles.Merchant, "m01"),
        ("merchant02", "demo-m02-pass", AccountRoles.Merchant, "m02"),
        ("merchant03", "demo-m03-pass", AccountRoles.Merchant, "m03"),
    ];
}
