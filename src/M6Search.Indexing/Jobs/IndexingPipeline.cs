using M6Search.Encoder;
using M6Search.Indexing.Images;
using M6Search.Stores.Lexical;
using M6Search.Stores.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace M6Search.Indexing.Jobs;

/// <summary>
/// Indexes a catalog into an already-open store with an already-loaded encoder; neither is opened nor disposed here,
/// so the web app can run jobs on the store it serves from. One job at a time per store and shard.
/// <para>
/// Stages, joined by bounded channels so memory stays bounded whatever the catalog size: one reader streams catalog
/// rows; <see cref="IndexJobOptions.DegreeOfParallelism"/> workers read image bytes, hash the content, skip unchanged
/// products and decode the rest; one dedicated thread runs the (synchronous) encoder a batch at a time and computes
/// lexical vectors; one writer upserts each batch. See docs/indexing.md.
/// </para>
/// </summary>
public sealed class IndexingPipeline
{
    private readonly IProductEncoder _encoder;
    private readonly IProductVectorStore _store;
    private readonly IProductImageSource _images;
    private readonly LexicalVectorizer _lexical;
    private readonly ILogger _logger;

    /// <param name="encoder">Embeds titles and images; called from one thread only.</param>
    /// <param name="store">The open store; its collection is created when missing.</param>
    /// <param name="images">Reads and decodes product images; <see cref="ProductImageSource"/> with default limits when null.</param>
    /// <param name="logger">Optional.</param>
    public IndexingPipeline(IProductEncoder encoder, IProductVectorStore store, IProductImageSource? images = null, ILogger<IndexingPipeline>? logger = null)
    {
        _encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _images = images ?? new ProductImageSource();
        _lexical = LexicalVectorizer.Default;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// Runs one job to the end and reports how it ended. Bad rows and images never throw: they are rejected into the
    /// error report. A failing store, an unreadable catalog or the encoder failing end the job with
    /// <see cref="IndexJobStatus.Failed"/>; cancellation with <see cref="IndexJobStatus.Cancelled"/>. Running the
    /// same job again after any of these (or after the process was killed) finishes it exactly.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public Task<IndexJobReport> RunAsync(IndexJobOptions options, IProgress<IndexProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var run = new IndexJobRun(_encoder, _store, _images, _lexical, _logger, options, progress);
        return run.RunAsync(cancellationToken);
    }
}
