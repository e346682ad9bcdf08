namespace M6Search.Catalog.Reading;

/// <summary>
/// Remembers every id read so far with the line it was first seen on, to report repeats. Memory grows with the number
/// of distinct ids (never with the rest of the row); see <see cref="CatalogReadOptions.DetectDuplicateIds"/>.
/// </summary>
internal sealed class IdRegistry
{
    private readonly Dictionary<string, int> _firstLine = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="id"/> at <paramref name="line"/>; returns the earlier line when it is a repeat.</summary>
    public bool TryRegister(string id, int line, out int firstLine)
    {
        if (_firstLine.TryGetValue(id, out firstLine))
        {
            return false;
        }

        _firstLine.Add(id, line);
        firstLine = line;
        return true;
    }
}
