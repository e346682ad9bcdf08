namespace M6Search.Web.Configuration;

/// <summary>
/// A fixed window per client IP address on the HTTP API and image endpoints (configuration section "M6:RateLimit").
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Turn the limit off (for benchmarks on a private machine).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests one client may make per window.</summary>
    public int PermitLimit { get; set; } = 300;

    /// <summary>Window length in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Requests held waiting for the next window instead of being refused at once.</summary>
    public int QueueLimit { get; set; }
}
