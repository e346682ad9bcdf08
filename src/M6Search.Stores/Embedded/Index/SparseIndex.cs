using System.Buffers;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded.Filtering;

namespace M6Search.Stores.Embedded.Index;

/// <summary>
/// Inverted index of the sparse lexical vectors: term -> postings (slot, weight). Replacing or deleting a slot does not
/// search the postings; it bumps the slot's version, which makes its old entries stale, and the postings are compacted
/// once stale entries outnumber live ones. Search is the dot product over the query's terms; only slots sharing at
/// least one term with the query are candidates (as in Qdrant's sparse index).
/// </summary>
internal sealed class SparseIndex
{
    private readonly Dictionary<uint, Postings> _postings = [];
    private int[] _versions = [];
    private int[] _termCounts = [];
    private long _liveEntries;
    private long _totalEntries;

    /// <summary>Slots holding a sparse vector.</summary>
    public int Count { get; private set; }

    public long MemoryBytes => (_totalEntries * 12) + ((long)_versions.Length * 8) + ((long)_postings.Count * 48);

    public void EnsureCapacity(int rows)
    {
        if (_versions.Length < rows)
        {
            int size = Math.Max(rows, _versions.Length * 2);
            Array.Resize(ref _versions, size);
            Array.Resize(ref _termCounts, size);
        }
    }

    public void Set(int slot, SparseVector vector)
    {
        Remove(slot);
        int version = _versions[slot];
        for (int i = 0; i < vector.Indices.Length; i++)
        {
            if (!_postings.TryGetValue(vector.Indices[i], out Postings? postings))
            {
                postings = new Postings();
                _postings.Add(vector.Indices[i], postings);
            }

            postings.Add(slot, vector.Values[i], version);
        }

        _termCounts[slot] = vector.Indices.Length;
        _liveEntries += vector.Indices.Length;
        _totalEntries += vector.Indices.Length;
        Count++;
    }

    public void Remove(int slot)
    {
        _versions[slot]++;
        if (_termCounts[slot] > 0)
        {
            _liveEntries -= _termCounts[slot];
            _termCounts[slot] = 0;
            Count--;
        }

        if (_totalEntries > 1024 && _totalEntries > 2 * _liveEntries)
        {
            Compact();
        }
    }

    /// <summary>The best <paramref name="k"/> slots by dot product with the query, best first.</summary>
    public ScoredSlot[] Search(SparseVector query, int k, int scanLimit, CompiledFilter? filter, CancellationToken cancellationToken)
    {
        float[] scores = ArrayPool<float>.Shared.Rent(Math.Max(scanLimit, 1));
        bool[] seen = ArrayPool<bool>.Shared.Rent(Math.Max(scanLimit, 1));
        Array.Clear(seen, 0, scanLimit);
        var touched = new List<int>();
        try
        {
            for (int term = 0; term < query.Indices.Length; term++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!_postings.TryGetValue(query.Indices[term], out Postings? postings))
                {
                    continue;
                }

                float queryWeight = query.Values[term];
                ReadOnlySpan<Entry> entries = postings.Entries.AsSpan(0, postings.Count);
                foreach (Entry entry in entries)
                {
                    int slot = entry.Slot;
                    if (entry.Version != _versions[slot])
                    {
                        continue;
                    }

                    if (!seen[slot])
                    {
                        seen[slot] = true;
                        scores[slot] = 0;
                        touched.Add(slot);
                    }

                    scores[slot] += queryWeight * entry.Weight;
                }
            }

            var top = new TopK(k);
            foreach (int slot in touched)
            {
                if (filter is null || filter.Matches(slot))
                {
                    top.Add(slot, scores[slot]);
                }
            }

            return top.ToSortedArray();
        }
        finally
        {
            foreach (int slot in touched)
            {
                seen[slot] = false;
            }

            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<bool>.Shared.Return(seen);
        }
    }

    private void Compact()
    {
        var emptyTerms = new List<uint>();
        foreach (KeyValuePair<uint, Postings> entry in _postings)
        {
            entry.Value.RemoveStale(_versions);
            if (entry.Value.Count == 0)
            {
                emptyTerms.Add(entry.Key);
            }
        }

        foreach (uint term in emptyTerms)
        {
            _postings.Remove(term);
        }

        _totalEntries = _liveEntries;
    }

    /// <summary>One term's postings: (slot, weight, version) side by side, so reading or adding one touches one cache line.</summary>
    private sealed class Postings
    {
        public Entry[] Entries { get; private set; } = new Entry[4];

        public int Count { get; private set; }

        public void Add(int slot, float weight, int version)
        {
            if (Count == Entries.Length)
            {
                Entry[] entries = Entries;
                Array.Resize(ref entries, Count * 2);
                Entries = entries;
            }

            Entries[Count++] = new Entry(slot, weight, version);
        }

        public void RemoveStale(int[] currentVersions)
        {
            int kept = 0;
            for (int i = 0; i < Count; i++)
            {
                Entry entry = Entries[i];
                if (entry.Version == currentVersions[entry.Slot])
                {
                    Entries[kept++] = entry;
                }
            }

            Count = kept;
        }
    }

    private readonly record struct Entry(int Slot, float Weight, int Version);
}
