using System.Collections.Concurrent;

namespace M6Search.Relevance.Ranking;

/// <summary>
/// Remembers rankings for a while: every merchant's dashboard runs the same queries over the same catalog, and the
/// ranking does not depend on who asks. <see cref="Clear"/> forgets everything (after an indexing job).
/// </summary>
public sealed class CachingQueryRanker : IQueryRanker
{
    private readonly IQueryRanker _inner;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string Query, int Depth), (DateTimeOffset At, IReadOnlyList<string> Ranking)> _entries = new();

    public CachingQueryRanker(IQueryRanker inner, TimeSpan lifetime, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _lifetime = lifetime;
        _time = time ?? TimeProvider.System;
    }

    public async Task<IReadOnlyList<string>> RankAsync(string query, int depth, CancellationToken cancellationToken = default)
    {
        var key = (query, depth);
        DateTimeOffset now = _time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && now - entry.At < _lifetime)
        {
            return entry.Ranking;
        }

        IReadOnlyList<string> ranking = await _inner.RankAsync(query, depth, cancellationToken).ConfigureAwait(false);
        _entries[key] = (now, ranking);
        return ranking;
    }

    public void Clear() => _entries.Clear();
}
