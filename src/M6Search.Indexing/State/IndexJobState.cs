using M6Search.Indexing.Jobs;

namespace M6Search.Indexing.State;

/// <summary>
/// The persisted state of a job (<c>state.json</c>). The store itself is the source of truth for what is indexed
/// (each point carries its content hash), so a re-run after a crash needs no more than this to finish the job
/// exactly; the state tells whether the last run of the same job (same catalog file, options and model) was
/// interrupted, where it was, and its counts, for reports and the web app's jobs page.
/// </summary>
public sealed record IndexJobState
{
    /// <summary>Same key: same job. Catalog identity, shard, collection, model version, full flag and deletions file.</summary>
    public required string JobKey { get; init; }

    public required CatalogIdentity Catalog { get; init; }

    public required string Shard { get; init; }

    public required string Collection { get; init; }

    public required string ModelVersion { get; init; }

    public bool FullCatalog { get; init; }

    public string? DeletionsPath { get; init; }

    public int BatchSize { get; init; }

    public long? MaxErrors { get; init; }

    public required IndexPhase Phase { get; init; }

    /// <summary>Set when <see cref="Phase"/> is <see cref="IndexPhase.Finished"/>.</summary>
    public IndexJobStatus? Status { get; init; }

    /// <summary>How many runs of this job have started (a resumed job counts 2 or more).</summary>
    public int Attempt { get; init; } = 1;

    public required DateTimeOffset StartedUtc { get; init; }

    public required DateTimeOffset UpdatedUtc { get; init; }

    public required IndexCounts Counts { get; init; }
}
