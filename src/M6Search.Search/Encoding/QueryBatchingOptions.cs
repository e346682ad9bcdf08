namespace M6Search.Search.Encoding;

/// <summary>
/// How <see cref="QueryEmbedder"/> batches query texts that arrive together (configuration section
/// <c>M6:Search:QueryBatching</c>): one forward pass for several queries costs little more than for one, so under load
/// the encoder embeds whatever queued while its previous pass ran, up to <see cref="MaxBatch"/> at once.
/// </summary>
public sealed class QueryBatchingOptions
{
    /// <summary>Most query texts in one forward pass; 1 embeds each query alone (no batching).</summary>
    public int MaxBatch { get; set; } = 16;

    /// <summary>
    /// How long a query that finds the encoder idle and no other query queued waits for company, in milliseconds; 0
    /// (the default) batches only what queued while the encoder was busy, which adds no wait when the app is idle.
    /// </summary>
    public int MaxWaitMilliseconds { get; set; }

    /// <summary>Every problem with these settings, each naming its configuration key under <paramref name="section"/>.</summary>
    public IReadOnlyList<string> Validate(string section)
    {
        var errors = new List<string>();
        if (MaxBatch is < 1 or > 256)
        {
            errors.Add($"{section}:{nameof(MaxBatch)} must be 1 to 256, not {MaxBatch}.");
        }

        if (MaxWaitMilliseconds is < 0 or > 100)
        {
            errors.Add($"{section}:{nameof(MaxWaitMilliseconds)} must be 0 to 100, not {MaxWaitMilliseconds}.");
        }

        return errors;
    }
}
