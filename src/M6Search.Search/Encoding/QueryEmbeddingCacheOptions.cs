namespace M6Search.Search.Encoding;

/// <summary>
/// Bounds of the query-embedding cache (configuration section <c>M6:Search:EmbeddingCache</c>). Shoppers repeat
/// queries, and a repeated query's embedding is the same as long as the model is: the cache saves the encoder's
/// forward pass, the largest CPU cost of a text search.
/// </summary>
public sealed class QueryEmbeddingCacheOptions
{
    /// <summary>False turns the cache off (every query is embedded).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most embeddings kept; the least recently used leaves first.</summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>Most memory the kept embeddings and their keys may take, in MiB (estimated per entry).</summary>
    public int MaxMegabytes { get; set; } = 32;

    /// <summary>The bound in bytes.</summary>
    public long MaxBytes => MaxMegabytes * 1024L * 1024L;

    /// <summary>Every problem with these settings, each naming its configuration key under <paramref name="section"/>.</summary>
    public IReadOnlyList<string> Validate(string section)
    {
        var errors = new List<string>();
        if (MaxEntries < 1)
        {
            errors.Add($"{section}:{nameof(MaxEntries)} must be at least 1, not {MaxEntries}.");
        }

        if (MaxMegabytes < 1)
        {
            errors.Add($"{section}:{nameof(MaxMegabytes)} must be at least 1, not {MaxMegabytes}.");
        }

        return errors;
    }
}
