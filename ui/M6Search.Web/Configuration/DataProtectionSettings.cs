namespace M6Search.Web.Configuration;

/// <summary>
/// Where the ASP.NET Core Data Protection key ring lives (section "M6:DataProtection"). The keys sign the sign-in
/// cookie and the antiforgery tokens, so every replica of the web app must read the same folder (a shared volume),
/// and it must outlive restarts, or users are signed out and forms fail with "antiforgery token invalid".
/// </summary>
public sealed class DataProtectionSettings
{
    /// <summary>Shared by every replica; changing it invalidates all cookies and tokens.</summary>
    public const string ApplicationName = "M6Search";

    /// <summary>The key ring's folder; empty means <c>DataDir/keys</c>. The keys are stored unencrypted: restrict the folder.</summary>
    public string? KeysDir { get; set; }
}
