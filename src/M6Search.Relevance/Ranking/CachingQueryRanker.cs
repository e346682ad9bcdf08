using M6Search.Evaluation.Ranking;
using M6Search.Search.Searching;
using Microsoft.Extensions.Caching.Memory;

namespace M6Search.Relevance.Ranking;

/// <summary>
/// Remembers rankings for a while: every merchant's dashboard runs the same queries over the same catalog, and the
/// ranking does not depend on who asks. At most <c>capacity</c> rankings are kept (a <see cref="MemoryCache"/> with a
/// size limit: past it new rankings are not kept and the oldest are compacted away), each for <c>lifetime</c>, so a
/// flood of distinct queries cannot grow it. The dashboard wraps the evaluator's <see cref="SearchServiceRanker"/> in it
/// (<see cref="OverSearch"/>), so it ranks exactly as shoppers' searches do. <see cref="Clear"/> forgets everything
/// (after an indexing job).
/// </summary>
public sealed class CachingQueryRanker : IQueryRanker, IDisposable
{
    private readonly IQueryRanker _inner;
    private readonly TimeSpan _lifetime;
    private readonly MemoryCache _entries;

    /// <param name="capacity">Most rankings kept at once.</param>
    public CachingQueryRanker(IQueryRanker inner, TimeSpan lifetime, int capacity, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _inner = inner;
        _lifetime = lifetime;
        _entries = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = capacity,
            Clock = time is null ? null : new TimeProviderClock(time),
        });
    }

    /// <summary>Rankings held now.</summary>
    public int Count => _entries.Count;

    /// <summary>The shopper search (all channels, as the app fuses them), its rankings cached as above.</summary>
    public static CachingQueryRanker OverSearch(IProductSearchService search, TimeSpan lifetime, int capacity, TimeProvider? time = null) =>
        new(new SearchServiceRanker(search), lifetime, capacity, time);

    public async Task<IReadOnlyList<string>> RankAsync(RankingQuery query, int depth, CancellationToken cancellationToken = default)
    {
        var key = (query, depth);
        if (_entries.TryGetValue(key, out IReadOnlyList<string>? cached) && cached is not null)
        {
            return cached;
        }

        IReadOnlyList<string> ranking = await _inner.RankAsync(query, depth, cancellationToken).ConfigureAwait(false);
        if (_lifetime > TimeSpan.Zero)
        {
            _entries.Set(key, ranking, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime });
        }

        return ranking;
    }

    public void Clear() => _entries.Clear();

    public void Dispose() => _entries.Dispose();

#pragma warning disable CS0618 // ISystemClock is the clock MemoryCacheOptions takes.
    private sealed class TimeProviderClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
#pragma warning restore CS0618
}
