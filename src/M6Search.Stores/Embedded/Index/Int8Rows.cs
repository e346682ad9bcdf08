namespace M6Search.Stores.Embedded.Index;

/// <summary>
/// Int8 rows of one named vector with one scale per row (value = scale * code), in fixed-size blocks like
/// <see cref="FloatRows"/>.
/// </summary>
internal sealed class Int8Rows
{
    private readonly int _dimension;
    private readonly int _rowsPerBlock;
    private readonly List<sbyte[]> _blocks = [];
    private readonly List<float[]> _scales = [];

    public Int8Rows(int dimension, int rowsPerBlock)
    {
        _dimension = dimension;
        _rowsPerBlock = rowsPerBlock;
    }

    public int RowsPerBlock => _rowsPerBlock;

    public int BlockCount => _blocks.Count;

    public int Capacity => _blocks.Count * _rowsPerBlock;

    public long Bytes => (long)_blocks.Count * _rowsPerBlock * (_dimension + sizeof(float));

    public void EnsureCapacity(int rows)
    {
        while (Capacity < rows)
        {
            _blocks.Add(new sbyte[_rowsPerBlock * _dimension]);
            _scales.Add(new float[_rowsPerBlock]);
        }
    }

    public sbyte[] Block(int index) => _blocks[index];

    public float[] Scales(int index) => _scales[index];

    public void Set(int slot, ReadOnlySpan<float> vector)
    {
        int block = slot / _rowsPerBlock;
        int row = slot % _rowsPerBlock;
        _scales[block][row] = Quantize(vector, _blocks[block].AsSpan(row * _dimension, _dimension));
    }

    /// <summary>Writes codes in [-127, 127] with code = round(value / scale), scale = max |value| / 127; returns the scale.</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes)
    {
        float maxAbs = 0;
        foreach (float value in vector)
        {
            maxAbs = Math.Max(maxAbs, Math.Abs(value));
        }

        if (maxAbs == 0)
        {
            codes.Clear();
            return 0;
        }

        float scale = maxAbs / 127f;
        float inverse = 1f / scale;
        for (int i = 0; i < vector.Length; i++)
        {
            codes[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] * inverse), -127f, 127f);
        }

        return scale;
    }
}
