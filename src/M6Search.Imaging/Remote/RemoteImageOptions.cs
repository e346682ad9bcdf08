namespace M6Search.Imaging.Remote;

/// <summary>How http(s) images are fetched. The response size limit is <see cref="ImageLoadOptions.MaxBytes"/>.</summary>
public sealed class RemoteImageOptions
{
    /// <summary>
    /// Folder of the on-disk cache (files named by the SHA-256 of the URL). Null or empty disables caching.
    /// </summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Limit for one HTTP attempt, until the response headers arrive. A timed-out attempt is retried. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Limit for the whole fetch: every attempt, the waits between them and reading the body. Default 60 s.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt on transient failures (network errors, 408, 429, 5xx, attempt timeouts). Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially, with jitter. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between two attempts, including one asked for by a Retry-After header. Default 10 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Which hosts and addresses may be fetched from: public addresses only by default (see <see cref="RemoteImagePolicy"/>).</summary>
    public RemoteImagePolicy Policy { get; set; } = new();

    /// <summary>User-Agent header sent with every request.</summary>
    public string UserAgent { get; set; } = "M6Search-ImageFetcher/1.0";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        RequirePositive(AttemptTimeout, nameof(AttemptTimeout));
        if (AttemptTimeout < TimeSpan.FromMilliseconds(10))
        {
            // Polly's timeout strategy refuses anything shorter.
            throw new ArgumentException($"{nameof(RemoteImageOptions)}.{nameof(AttemptTimeout)} must be at least 10 ms, was {AttemptTimeout}.");
        }

        RequirePositive(TotalTimeout, nameof(TotalTimeout));
        RequirePositive(RetryBaseDelay, nameof(RetryBaseDelay));
        RequirePositive(MaxRetryDelay, nameof(MaxRetryDelay));
        if (MaxRetryAttempts < 0)
        {
            throw new ArgumentException($"{nameof(RemoteImageOptions)}.{nameof(MaxRetryAttempts)} must be 0 or more, was {MaxRetryAttempts}.");
        }

        if (string.IsNullOrWhiteSpace(UserAgent))
        {
            throw new ArgumentException($"{nameof(RemoteImageOptions)}.{nameof(UserAgent)} must not be empty.");
        }

        if (Policy is null)
        {
            throw new ArgumentException($"{nameof(RemoteImageOptions)}.{nameof(Policy)} must not be null.");
        }

        if (Policy.Validate($"{nameof(RemoteImageOptions)}.{nameof(Policy)}").FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(RemoteImageOptions)}.{name} must be positive, was {value}.");
        }
    }
}
