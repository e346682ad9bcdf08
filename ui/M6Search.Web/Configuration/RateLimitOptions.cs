namespace M6Search.Web.Configuration;

/// <summary>
/// Request limits (configuration section "M6:RateLimit"): a fixed window per client IP address on page loads, the HTTP
/// API and the image endpoint; another on the actions inside the interactive pages (searches, photo uploads, "more
/// like this", the dashboard's rankings and judgments); and one bound on searches at once, with a bounded queue, for
/// the whole app, so that a burst is refused (429) instead of waiting without end for the encoder.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Turn the per-client windows off (for benchmarks on a private machine); the search bound stays.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>HTTP requests (pages, API, images) one client may make per window.</summary>
    public int PermitLimit { get; set; } = 300;

    /// <summary>Actions inside the interactive pages one client may take per window.</summary>
    public int InteractivePermitLimit { get; set; } = 60;

    /// <summary>
    /// Searches (text, photo, more like this, dashboard rankings) running at once in the whole app. 16 (was 4): the query
    /// texts of the searches running at once are embedded in one forward pass (<c>M6:Search:QueryBatching</c>), so more
    /// of them at once make bigger batches. A cold query stream on 2 cores: 4 gave 285 searches/s; 8 gave 315 (p99
    /// 350 ms) and 16 gave 341 (p99 304 ms) back to back, for about 120 MB more memory (docs/benchmarks-search.md).
    /// </summary>
    public int ConcurrentSearches { get; set; } = 16;

    /// <summary>Searches waiting for one of the <see cref="ConcurrentSearches"/>; past it a search is refused at once (429).</summary>
    public int SearchQueueLimit { get; set; } = 64;

    /// <summary>Window length in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Requests held waiting for the next window instead of being refused at once.</summary>
    public int QueueLimit { get; set; }
}
