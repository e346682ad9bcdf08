namespace M6Search.Catalog.Reading;

/// <summary>Limits for reading labeled queries (queries.jsonl) and training pairs (pairs.jsonl).</summary>
public sealed class JsonLinesReadOptions
{
    /// <summary>The default options.</summary>
    public static JsonLinesReadOptions Default { get; } = new();

    /// <summary>Longest query id or product id, in UTF-16 characters.</summary>
    public int MaxIdLength { get; init; } = 256;

    /// <summary>Longest query or pair text, in UTF-16 characters.</summary>
    public int MaxTextLength { get; init; } = 1000;

    /// <summary>Longest line in bytes, without the line break; a longer line is skipped with an error.</summary>
    public int MaxLineBytes { get; init; } = 1024 * 1024;

    internal void Validate()
    {
        if (MaxIdLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIdLength), MaxIdLength, "must be at least 1");
        }

        if (MaxTextLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTextLength), MaxTextLength, "must be at least 1");
        }

        if (MaxLineBytes < 16)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLineBytes), MaxLineBytes, "must be at least 16");
        }
    }
}
