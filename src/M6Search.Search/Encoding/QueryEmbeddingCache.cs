namespace M6Search.Search.Encoding;

/// <summary>
/// A bounded, thread-safe, least-recently-used map from <see cref="QueryEmbeddingKey"/> to the query's embedding,
/// limited both in entries and in estimated bytes (<see cref="QueryEmbeddingCacheOptions"/>). The key holds the model
/// version, so a new model never reads an old model's vectors. Callers get their own copy of a vector.
/// </summary>
public sealed class QueryEmbeddingCache
{
    /// <summary>Estimated bookkeeping per entry (list node, dictionary slot, array and string headers).</summary>
    private const long EntryOverheadBytes = 160;

    private readonly Dictionary<QueryEmbeddingKey, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _lock = new();
    private readonly int _maxEntries;
    private readonly long _maxBytes;
    private long _bytes;
    private long _hits;
    private long _misses;

    public QueryEmbeddingCache(QueryEmbeddingCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> errors = options.Validate("EmbeddingCache");
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _maxEntries = options.MaxEntries;
        _maxBytes = options.MaxBytes;
    }

    /// <summary>Embeddings kept now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Estimated bytes kept now (never above the configured bound).</summary>
    public long Bytes => Volatile.Read(ref _bytes);

    /// <summary>Lookups that found an embedding.</summary>
    public long Hits => Volatile.Read(ref _hits);

    /// <summary>Lookups that found none.</summary>
    public long Misses => Volatile.Read(ref _misses);

    /// <summary>A copy of the kept embedding of <paramref name="key"/>, or null; a hit makes it the most recently used.</summary>
    public float[]? TryGet(QueryEmbeddingKey key)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out LinkedListNode<Entry>? node))
            {
                _misses++;
                return null;
            }

            _hits++;
            _recency.Remove(node);
            _recency.AddFirst(node);
            return (float[])node.Value.Vector.Clone();
        }
    }

    /// <summary>Keeps a copy of <paramref name="vector"/> as the embedding of <paramref name="key"/>, evicting the least recently used past the bounds.</summary>
    public void Add(QueryEmbeddingKey key, float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var entry = new Entry(key, (float[])vector.Clone(), EntryOverheadBytes + key.Bytes + (4L * vector.Length));
        if (entry.Bytes > _maxBytes)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.Remove(key, out LinkedListNode<Entry>? old))
            {
                _recency.Remove(old);
                _bytes -= old.Value.Bytes;
            }

            _entries[key] = _recency.AddFirst(entry);
            _bytes += entry.Bytes;
            while (_entries.Count > _maxEntries || _bytes > _maxBytes)
            {
                LinkedListNode<Entry> last = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
                _bytes -= last.Value.Bytes;
            }
        }
    }

    private sealed record Entry(QueryEmbeddingKey Key, float[] Vector, long Bytes);
}
