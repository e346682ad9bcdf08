namespace M6Search.Web.RateLimiting;

/// <summary>
/// A request the app refuses for now: its client used up its window, or every search slot and queue place is taken.
/// The HTTP API answers it with 429 and <c>Retry-After</c>; the pages show the message.
/// </summary>
public sealed class TooManyRequestsException : Exception
{
    public TooManyRequestsException(string message, TimeSpan retryAfter)
        : base(message)
    {
        RetryAfter = retryAfter;
    }

    public TooManyRequestsException()
        : this("Too many requests; try again in a moment.", TimeSpan.FromSeconds(1))
    {
    }

    public TooManyRequestsException(string message)
        : this(message, TimeSpan.FromSeconds(1))
    {
    }

    public TooManyRequestsException(string message, Exception innerException)
        : base(message, innerException)
    {
        RetryAfter = TimeSpan.FromSeconds(1);
    }

    /// <summary>When to try again.</summary>
    public TimeSpan RetryAfter { get; }
}
