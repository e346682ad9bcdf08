using System.Globalization;
using System.Threading.RateLimiting;
using M6Search.Web.Configuration;
using Microsoft.Extensions.Options;

namespace M6Search.Web.RateLimiting;

/// <summary>
/// The per-client window on actions inside the interactive pages (<c>M6:RateLimit:InteractivePermitLimit</c> per
/// <c>WindowSeconds</c>): a Blazor circuit's clicks never pass the HTTP rate limiter, so each search, photo, "more
/// like this", ranking or judgment takes a permit here, keyed by the address the page was loaded from
/// (<see cref="ClientAddress"/>). A singleton.
/// </summary>
public sealed class InteractiveRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public InteractiveRateLimiter(IOptions<M6Options> options)
    {
        RateLimitOptions limits = options.Value.RateLimit;
        if (!limits.Enabled)
        {
            return;
        }

        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.InteractivePermitLimit,
            Window = TimeSpan.FromSeconds(limits.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Takes one permit for <paramref name="client"/>; throws <see cref="TooManyRequestsException"/> past the window.</summary>
    public void Take(ClientAddress? client)
    {
        if (_limiter is null)
        {
            return;
        }

        using RateLimitLease lease = _limiter.AttemptAcquire(client?.Key ?? ClientAddress.Unknown.Key);
        if (!lease.IsAcquired)
        {
            TimeSpan wait = lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
            throw new TooManyRequestsException(
                string.Create(CultureInfo.InvariantCulture, $"Too many searches from your address; try again in {Math.Max(1, Math.Ceiling(wait.TotalSeconds)):0} s."),
                wait);
        }
    }

    public void Dispose() => _limiter?.Dispose();
}
