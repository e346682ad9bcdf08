using M6Search.Encoder;
using M6Search.Indexing.Images;
using M6Search.Indexing.Telemetry;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Lexical;
using Microsoft.Extensions.Logging;

namespace M6Search.Indexing.Jobs;

/// <summary>What every stage of one job shares: its inputs and settings, its counters and telemetry, and what it knows of its shard's ids.</summary>
internal sealed class JobContext
{
    public JobContext(
        IProductEncoder encoder,
        IProductVectorStore store,
        IProductImageSource images,
        LexicalVectorizer lexical,
        ILogger logger,
        IndexJobOptions options)
    {
        Encoder = encoder;
        Store = store;
        Images = images;
        Lexical = lexical;
        Logger = logger;
        Options = options;
        CatalogPath = Path.GetFullPath(options.CatalogPath);
        CatalogDirectory = Path.GetDirectoryName(CatalogPath) ?? Directory.GetCurrentDirectory();
        Telemetry = new JobTelemetry(store.Collection);
    }

    public IProductEncoder Encoder { get; }

    public IProductVectorStore Store { get; }

    public IProductImageSource Images { get; }

    public LexicalVectorizer Lexical { get; }

    public ILogger Logger { get; }

    public IndexJobOptions Options { get; }

    /// <summary>The catalog file, absolute.</summary>
    public string CatalogPath { get; }

    /// <summary>The folder relative image paths of the catalog start from.</summary>
    public string CatalogDirectory { get; }

    public JobCounters Counters { get; } = new();

    public JobTelemetry Telemetry { get; }

    public ShardInventory Inventory { get; } = new();
}
