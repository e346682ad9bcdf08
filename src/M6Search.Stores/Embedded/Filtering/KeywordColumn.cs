namespace M6Search.Stores.Embedded.Filtering;

/// <summary>
/// One keyword field as a column: per slot the id of its value (ids from a per-field dictionary), or a marker for
/// "absent" or "several values" (arrays, kept aside). Filtering compares small integers instead of strings.
/// </summary>
internal sealed class KeywordColumn
{
    private const int Absent = -1;
    private const int Several = -2;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int[]> _several = [];
    private int[] _values;

    public KeywordColumn(int capacity)
    {
        _values = new int[capacity];
        Array.Fill(_values, Absent);
    }

    /// <summary>Distinct values ever seen (ids are 0 .. ValueCount - 1).</summary>
    public int ValueCount => _ids.Count;

    public long MemoryBytes => ((long)_values.Length * sizeof(int)) + ((long)_ids.Count * 64) + ((long)_several.Count * 48);

    public void EnsureCapacity(int rows)
    {
        if (_values.Length < rows)
        {
            int oldLength = _values.Length;
            Array.Resize(ref _values, rows);
            Array.Fill(_values, Absent, oldLength, rows - oldLength);
        }
    }

    public void Set(int slot, string[] values)
    {
        _several.Remove(slot);
        if (values.Length == 1)
        {
            _values[slot] = IdOf(values[0]);
        }
        else
        {
            _values[slot] = Several;
            _several[slot] = values.Select(IdOf).ToArray();
        }
    }

    public void Clear(int slot)
    {
        if (_values[slot] == Several)
        {
            _several.Remove(slot);
        }

        _values[slot] = Absent;
    }

    public bool TryGetId(string value, out int id) => _ids.TryGetValue(value, out id);

    /// <summary>True when the slot holds a value whose id is marked in <paramref name="allowed"/>.</summary>
    public bool Matches(int slot, bool[] allowed)
    {
        int value = _values[slot];
        if (value >= 0)
        {
            return value < allowed.Length && allowed[value];
        }

        if (value == Several)
        {
            foreach (int id in _several[slot])
            {
                if (id < allowed.Length && allowed[id])
                {
                    return true;
                }
            }
        }

        return false;
    }

    private int IdOf(string value)
    {
        if (!_ids.TryGetValue(value, out int id))
        {
            id = _ids.Count;
            _ids.Add(value, id);
        }

        return id;
    }
}
