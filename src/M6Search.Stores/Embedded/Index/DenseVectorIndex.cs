using System.Numerics.Tensors;
using M6Search.Stores.Embedded.Filtering;

namespace M6Search.Stores.Embedded.Index;

/// <summary>
/// Exact (brute-force) cosine search over the unit-length rows of one named dense vector, either in float or in int8
/// with float rescoring. Rows are addressed by slot; a slot without this vector is skipped.
/// </summary>
internal sealed class DenseVectorIndex
{
    private readonly FloatRows? _floats;
    private readonly Int8Rows? _codes;
    private bool[] _present = [];

    public DenseVectorIndex(string name, int dimension, VectorQuantization quantization, int rowsPerBlock)
    {
        Name = name;
        Dimension = dimension;
        if (quantization == VectorQuantization.Int8)
        {
            _codes = new Int8Rows(dimension, rowsPerBlock);
        }
        else
        {
            _floats = new FloatRows(dimension, rowsPerBlock);
        }
    }

    public string Name { get; }

    public int Dimension { get; }

    /// <summary>Slots holding this vector.</summary>
    public int Count { get; private set; }

    public long MemoryBytes => (_floats?.Bytes ?? 0) + (_codes?.Bytes ?? 0) + _present.Length;

    public void EnsureCapacity(int rows)
    {
        if (_present.Length < rows)
        {
            Array.Resize(ref _present, Math.Max(rows, _present.Length * 2));
        }

        _floats?.EnsureCapacity(rows);
        _codes?.EnsureCapacity(rows);
    }

    public bool Has(int slot) => slot < _present.Length && _present[slot];

    /// <summary>Stores a unit-length vector at the slot.</summary>
    public void Set(int slot, ReadOnlySpan<float> unitVector)
    {
        if (_floats is not null)
        {
            unitVector.CopyTo(_floats.Row(slot));
        }
        else
        {
            _codes!.Set(slot, unitVector);
        }

        if (!_present[slot])
        {
            _present[slot] = true;
            Count++;
        }
    }

    public void Clear(int slot)
    {
        if (slot < _present.Length && _present[slot])
        {
            _present[slot] = false;
            Count--;
        }
    }

    /// <summary>
    /// The <paramref name="k"/> best slots for a unit-length query, best first, with exact cosine scores. In int8 mode the
    /// best <paramref name="k"/> * <paramref name="rescoreMultiplier"/> approximate candidates are rescored with the float
    /// vectors that <paramref name="loadFloatVectors"/> reads for them.
    /// </summary>
    public ScoredSlot[] Search(
        float[] unitQuery,
        int k,
        int scanLimit,
        CompiledFilter? filter,
        float? scoreThreshold,
        int rescoreMultiplier,
        Func<IReadOnlyCollection<int>, IReadOnlyDictionary<int, float[]>> loadFloatVectors,
        CancellationToken cancellationToken)
    {
        if (_floats is not null)
        {
            return SearchFloat(unitQuery, k, scanLimit, filter, scoreThreshold, cancellationToken);
        }

        int candidates = (int)Math.Min((long)k * rescoreMultiplier, int.MaxValue);
        ScoredSlot[] approximate = SearchInt8(unitQuery, candidates, scanLimit, filter, cancellationToken);
        IReadOnlyDictionary<int, float[]> vectors = loadFloatVectors(approximate.Select(candidate => candidate.Slot).ToArray());
        var exact = new TopK(k);
        foreach (ScoredSlot candidate in approximate)
        {
            if (!vectors.TryGetValue(candidate.Slot, out float[]? vector))
            {
                throw new InvalidOperationException($"Slot {candidate.Slot} has no stored '{Name}' vector although the index holds one; reopen the store.");
            }

            float score = TensorPrimitives.Dot(unitQuery, vector);
            if (scoreThreshold is null || score >= scoreThreshold.Value)
            {
                exact.Add(candidate.Slot, score);
            }
        }

        return exact.ToSortedArray();
    }

    private ScoredSlot[] SearchFloat(float[] query, int k, int scanLimit, CompiledFilter? filter, float? scoreThreshold, CancellationToken cancellationToken)
    {
        FloatRows rows = _floats!;
        var top = new TopK(k);
        float threshold = scoreThreshold ?? float.NegativeInfinity;
        int dimension = Dimension;
        bool[] present = _present;
        for (int block = 0; block < rows.BlockCount; block++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int first = block * rows.RowsPerBlock;
            int end = Math.Min(first + rows.RowsPerBlock, scanLimit);
            if (end <= first)
            {
                break;
            }

            ReadOnlySpan<float> data = rows.Block(block);
            for (int slot = first; slot < end; slot++)
            {
                if (!present[slot] || (filter is not null && !filter.Matches(slot)))
                {
                    continue;
                }

                float score = TensorPrimitives.Dot(query, data.Slice((slot - first) * dimension, dimension));
                if (score >= threshold && score >= top.Threshold)
                {
                    top.Add(slot, score);
                }
            }
        }

        return top.ToSortedArray();
    }

    private ScoredSlot[] SearchInt8(float[] query, int k, int scanLimit, CompiledFilter? filter, CancellationToken cancellationToken)
    {
        Int8Rows rows = _codes!;
        var queryCodes = new sbyte[Dimension];
        float queryScale = Int8Rows.Quantize(query, queryCodes);
        var top = new TopK(k);
        int dimension = Dimension;
        bool[] present = _present;
        for (int block = 0; block < rows.BlockCount; block++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int first = block * rows.RowsPerBlock;
            int end = Math.Min(first + rows.RowsPerBlock, scanLimit);
            if (end <= first)
            {
                break;
            }

            ReadOnlySpan<sbyte> data = rows.Block(block);
            float[] scales = rows.Scales(block);
            for (int slot = first; slot < end; slot++)
            {
                if (!present[slot] || (filter is not null && !filter.Matches(slot)))
                {
                    continue;
                }

                int row = slot - first;
                float score = Int8Dot.Dot(queryCodes, data.Slice(row * dimension, dimension)) * scales[row] * queryScale;
                if (score >= top.Threshold)
                {
                    top.Add(slot, score);
                }
            }
        }

        return top.ToSortedArray();
    }
}
