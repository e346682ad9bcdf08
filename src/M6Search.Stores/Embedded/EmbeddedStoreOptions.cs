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

    /// <summary>
    /// Bytes of the collection file that reader connections map into memory (SQLite <c>mmap_size</c>); reading payloads
    /// and rescoring vectors through the map avoids a system call per page. 0 turns it off (plain reads), which also
    /// avoids SQLite's caveat that an I/O error on a mapped page ends the process. Default 1 GiB.
    /// </summary>
    public long MemoryMapBytes { get; set; } = 1L << 30;

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

        if (MemoryMapBytes < 0)
        {
            throw new ArgumentException($"{SectionName}:{nameof(MemoryMapBytes)} must not be negative, not {MemoryMapBytes}.", nameof(MemoryMapBytes));
        }

        if (RowsPerBlock < 64)
        {
            throw new ArgumentException($"{SectionName}:{nameof(RowsPerBlock)} must be at least 64, not {RowsPerBlock}.", nameof(RowsPerBlock));
        }
    }
}
