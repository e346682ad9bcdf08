namespace M6Search.Web.RateLimiting;

/// <summary>
/// The address a page was loaded from (after the configured proxies' forwarded headers), cascaded to the interactive
/// components: the Blazor circuit itself carries no trustworthy client address. It reaches the circuit as a parameter
/// of the root component, which the framework protects with the Data Protection keys, so a client cannot change it.
/// </summary>
public sealed record ClientAddress(string Key)
{
    /// <summary>Requests whose address is not known share one bucket.</summary>
    public static ClientAddress Unknown { get; } = new("unknown");
}
