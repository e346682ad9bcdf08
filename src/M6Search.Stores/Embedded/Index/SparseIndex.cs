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
                for (int i = 0; i < postings.Count; i++)
                {
                    int slot = postings.Slots[i];
                    if (postings.Versions[i] != _versions[slot])
                    {
                        continue;
                    }

                    if (!seen[slot])
                    {
                        seen[slot] = true;
                        scores[slot] = 0;
                        touched.Add(slot);
                    }

                    scores[slot] += queryWeight * postings.Weights[i];
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

    private sealed class Postings
    {
        public int[] Slots { get; private set; } = new int[4];

        public float[] Weights { get; private set; } = new float[4];

        public int[] Versions { get; private set; } = new int[4];

        public int Count { get; private set; }

        public void Add(int slot, float weight, int version)
        {
            if (Count == Slots.Length)
            {
                int size = Count * 2;
                Slots = Resized(Slots, size);
                Weights = Resized(Weights, size);
                Versions = Resized(Versions, size);
            }

            Slots[Count] = slot;
            Weights[Count] = weight;
            Versions[Count] = version;
            Count++;
        }

        public void RemoveStale(int[] currentVersions)
        {
            int kept = 0;
            for (int i = 0; i < Count; i++)
            {
                if (Versions[i] == currentVersions[Slots[i]])
                {
                    Slots[kept] = Slots[i];
                    Weights[kept] = Weights[i];
                    Versions[kept] = Versions[i];
                    kept++;
                }
            }

            Count = kept;
        }

        private static T[] Resized<T>(T[] array, int size)
        {
            Array.Resize(ref array, size);
            return array;
        }
    }
}
