namespace M6Search.Stores.Embedded.Index;

/// <summary>
/// Dense float rows of one named vector, in fixed-size blocks so that growth never copies what is already there and no
/// single array reaches the 2 GB limit.
/// </summary>
internal sealed class FloatRows
{
    private readonly int _dimension;
    private readonly int _rowsPerBlock;
    private readonly List<float[]> _blocks = [];

    public FloatRows(int dimension, int rowsPerBlock)
    {
        _dimension = dimension;
        _rowsPerBlock = rowsPerBlock;
    }

    public int RowsPerBlock => _rowsPerBlock;

    public int BlockCount => _blocks.Count;

    public int Capacity => _blocks.Count * _rowsPerBlock;

    public long Bytes => (long)_blocks.Count * _rowsPerBlock * _dimension * sizeof(float);

    public void EnsureCapacity(int rows)
    {
        while (Capacity < rows)
        {
            _blocks.Add(new float[_rowsPerBlock * _dimension]);
        }
    }

    public float[] Block(int index) => _blocks[index];

    public Span<float> Row(int slot) =>
        _blocks[slot / _rowsPerBlock].AsSpan((slot % _rowsPerBlock) * _dimension, _dimension);
}
