namespace M6Search.Catalog.Reading;

/// <summary>The two ways a catalog can be written.</summary>
public enum CatalogFormat
{
    /// <summary>From the file extension: <c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c> are JSON Lines, <c>.csv</c> is CSV.</summary>
    Auto,

    /// <summary>One JSON object per line (UTF-8).</summary>
    JsonLines,

    /// <summary>Comma-separated values with a header row naming the same fields (UTF-8).</summary>
    Csv,
}
