using System.Threading.RateLimiting;
using M6Search.Web.Configuration;
using Microsoft.Extensions.Options;

namespace M6Search.Web.RateLimiting;

/// <summary>
/// The whole app's bound on searches at once (<c>M6:RateLimit:ConcurrentSearches</c>) with a bounded queue
/// (<c>SearchQueueLimit</c>): every search waits here before it may wait for the encoder, and one that finds the
/// queue full is refused at once. A singleton.
/// </summary>
public sealed class SearchAdmission : IDisposable
{
    public SearchAdmission(IOptions<M6Options> options)
    {
        RateLimitOptions limits = options.Value.RateLimit;
        Limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.ConcurrentSearches,
            QueueLimit = limits.SearchQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>The limiter itself (one permit per search), for callers that hold a permit over several steps.</summary>
    public ConcurrencyLimiter Limiter { get; }

    /// <summary>A permit to search; throws <see cref="TooManyRequestsException"/> when the queue is full.</summary>
    public async ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken = default)
    {
        RateLimitLease lease = await Limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        throw new TooManyRequestsException("Search is busy right now; try again in a moment.", TimeSpan.FromSeconds(1));
    }

    public void Dispose() => Limiter.Dispose();
}
