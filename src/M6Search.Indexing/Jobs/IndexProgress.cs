namespace M6Search.Indexing.Jobs;

/// <summary>
/// A progress event: serialise it with <see cref="IndexingJson.Options"/> for the web app's jobs page or a JSON Lines
/// events file. Rates and times are in seconds.
/// </summary>
public sealed record IndexProgress
{
    public required IndexPhase Phase { get; init; }

    public required IndexCounts Counts { get; init; }

    /// <summary>Catalog rows expected (lines of the file: exact for JSON Lines, an upper bound for CSV); null when unknown.</summary>
    public long? TotalRows { get; init; }

    /// <summary>Seconds since the job started.</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>Catalog rows settled per second in the indexing phase (all shards' rows are read, so this counts read rows).</summary>
    public double RowsPerSecond { get; init; }

    /// <summary>Estimated seconds left in the indexing phase; null until there is a rate.</summary>
    public double? EtaSeconds { get; init; }

    /// <summary>The shard, as <c>I/N</c>.</summary>
    public string Shard { get; init; } = "0/1";
}
