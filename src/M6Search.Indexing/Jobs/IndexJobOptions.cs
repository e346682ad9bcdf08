using M6Search.Catalog.Reading;
using M6Search.Indexing.Sharding;

namespace M6Search.Indexing.Jobs;

/// <summary>What one indexing job does. Validated by <see cref="IndexingPipeline.RunAsync"/>.</summary>
public sealed class IndexJobOptions
{
    /// <summary>The catalog file (JSON Lines or CSV, see the catalog format).</summary>
    public string CatalogPath { get; set; } = string.Empty;

    /// <summary>Optional file of product ids to remove (one per line; see <see cref="Deletions.DeletionList"/>).</summary>
    public string? DeletionsPath { get; set; }

    /// <summary>
    /// Folder for the job's files: <c>state.json</c> (job state, rewritten atomically), <c>rejects.jsonl</c> (the error
    /// report) and <c>report.json</c> (the final report). Created when missing. Give each shard its own folder.
    /// </summary>
    public string StateDirectory { get; set; } = string.Empty;

    /// <summary>Which part of the catalog this worker indexes; the whole catalog by default.</summary>
    public ShardSpec Shard { get; set; } = ShardSpec.All;

    /// <summary>Products per encoder batch and per upsert.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Stop the job once more than this many rows are rejected; null: never stop for rejects.</summary>
    public long? MaxErrors { get; set; }

    /// <summary>Image readers and decoders running at once; defaults to the number of cores.</summary>
    public int DegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// The catalog is the whole catalog: after indexing, stored products of this shard that are not in it are removed.
    /// Skipped when the job did not read the catalog to the end, or when a rejected row had no readable id (it might
    /// be a stored product).
    /// </summary>
    public bool FullCatalog { get; set; }

    /// <summary>JSON Lines or CSV; decided from the extension by default.</summary>
    public CatalogFormat CatalogFormat { get; set; } = CatalogFormat.Auto;

    /// <summary>How often progress is reported while indexing.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(CatalogPath))
        {
            throw new ArgumentException("the catalog path is required.", nameof(CatalogPath));
        }

        if (string.IsNullOrWhiteSpace(StateDirectory))
        {
            throw new ArgumentException("the state directory is required.", nameof(StateDirectory));
        }

        ArgumentNullException.ThrowIfNull(Shard, nameof(Shard));
        if (BatchSize is < 1 or > 4096)
        {
            throw new ArgumentException($"the batch size must be between 1 and 4096, not {BatchSize}.", nameof(BatchSize));
        }

        if (MaxErrors is < 0)
        {
            throw new ArgumentException($"max errors must not be negative, not {MaxErrors}.", nameof(MaxErrors));
        }

        if (DegreeOfParallelism is < 1 or > 1024)
        {
            throw new ArgumentException($"the degree of parallelism must be between 1 and 1024, not {DegreeOfParallelism}.", nameof(DegreeOfParallelism));
        }

        if (ProgressInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("the progress interval must be positive.", nameof(ProgressInterval));
        }
    }
}
