namespace M6Search.Catalog.Reading;

/// <summary>Limits and choices for reading a catalog. The defaults are the catalog format's limits (README).</summary>
public sealed class CatalogReadOptions
{
    /// <summary>The default options.</summary>
    public static CatalogReadOptions Default { get; } = new();

    /// <summary>JSON Lines or CSV; <see cref="CatalogFormat.Auto"/> decides from the file extension.</summary>
    public CatalogFormat Format { get; init; } = CatalogFormat.Auto;

    /// <summary>Longest product id, in UTF-16 characters.</summary>
    public int MaxIdLength { get; init; } = 256;

    /// <summary>Longest title, in UTF-16 characters.</summary>
    public int MaxTitleLength { get; init; } = 1000;

    /// <summary>
    /// Longest line, in bytes without the line break (JSON Lines); for CSV, the longest field in characters. A longer
    /// JSON line is skipped with an error and never held in memory beyond this many bytes.
    /// </summary>
    public int MaxLineBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Report a repeated product id as an error on the later row. This keeps every id read so far (with the line it
    /// was first seen on) in memory: roughly 100 bytes per product for typical ids, about 100 MB for 1M products.
    /// Turn it off for catalogs too large for that.
    /// </summary>
    public bool DetectDuplicateIds { get; init; } = true;

    internal void Validate()
    {
        if (MaxIdLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIdLength), MaxIdLength, "must be at least 1");
        }

        if (MaxTitleLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTitleLength), MaxTitleLength, "must be at least 1");
        }

        if (MaxLineBytes < 16)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLineBytes), MaxLineBytes, "must be at least 16");
        }
    }
}
