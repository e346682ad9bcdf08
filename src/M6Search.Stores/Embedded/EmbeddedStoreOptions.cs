namespace M6Search.Stores.Embedded;

/// <summary>Settings of the embedded (serverless) vector store; bound from configuration section <see cref="SectionName"/>.</summary>
public sealed class EmbeddedStoreOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Stores:Embedded";

    /// <summary>
    /// Root folder of the store: collections live in <c>collections/&lt;name&gt;.sqlite</c>, snapshots in
    /// <c>snapshots/&lt;name&gt;/</c>. Created when missing.
    /// </summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>How dense vectors are held in memory for scanning; an open-time choice, not stored in the collection.</summary>
    public VectorQuantization Quantization { get; set; } = VectorQuantization.None;

    /// <summary>
    /// With <see cref="VectorQuantization.Int8"/>: how many candidates per wanted hit the int8 scan keeps for exact
    /// float rescoring ((offset + limit) * multiplier). At least 1.
    /// </summary>
    public int RescoreMultiplier { get; set; } = 4;

    /// <summary>
    /// True (default): every committed batch is flushed to stable storage before the upsert returns (SQLite
    /// synchronous=FULL), so it survives a power loss. False (synchronous=NORMAL): a committed batch survives a crash
    /// of the process, but the last batches may be lost on a power loss; the file is never corrupted either way.
    /// </summary>
    public bool DurableCommits { get; set; } = true;

    /// <summary>Rows per in-memory block of the vector matrices (memory grows a block at a time). At least 64.</summary>
    public int RowsPerBlock { get; set; } = 16384;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new ArgumentException($"{SectionName}:{nameof(DataDirectory)} is required (the folder holding the collections).", nameof(DataDirectory));
        }

        if (!Enum.IsDefined(Quantization))
        {
            throw new ArgumentException($"{SectionName}:{nameof(Quantization)} must be None or Int8, not {Quantization}.", nameof(Quantization));
        }

        if (RescoreMultiplier < 1)
        {
            throw new ArgumentException($"{SectionName}:{nameof(RescoreMultiplier)} must be at least 1, not {RescoreMultiplier}.", nameof(RescoreMultiplier));
        }

        if (RowsPerBlock < 64)
        {
            throw new ArgumentException($"{SectionName}:{nameof(RowsPerBlock)} must be at least 64, not {RowsPerBlock}.", nameof(RowsPerBlock));
        }
    }
}
