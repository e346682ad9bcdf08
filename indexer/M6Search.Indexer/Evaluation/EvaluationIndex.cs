using System.Text.Json;
using M6Search.Catalog.Products;
using M6Search.Encoder;
using M6Search.Evaluation.Reports;
using M6Search.Indexer.Commands;
using M6Search.Indexing;
using M6Search.Indexing.Images;
using M6Search.Indexing.Jobs;
using M6Search.Indexing.Rejects;
using M6Search.Indexing.Sharding;
using M6Search.Indexing.Stores;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;

namespace M6Search.Indexer.Evaluation;

/// <summary>
/// The embedded store <c>m6 eval</c> searches: the evaluation catalog indexed into it through the indexing pipeline,
/// exactly as <c>m6 index</c> does (same content hashes, lexical vectors, image checks and error report), so the search
/// modes rank what the app would serve. In a temporary folder deleted afterwards, or in a given folder that a later run
/// (or <c>m6 index --store embedded:DIR</c>) reuses: unchanged products are only re-hashed, not re-embedded.
/// </summary>
public sealed class EvaluationIndex : IAsyncDisposable
{
    private readonly string? _temporaryFolder;

    private EvaluationIndex(EmbeddedProductVectorStore store, string folder, string? temporaryFolder)
    {
        Store = store;
        Folder = folder;
        _temporaryFolder = temporaryFolder;
    }

    /// <summary>The open store.</summary>
    public IProductVectorStore Store { get; }

    /// <summary>The store's data folder.</summary>
    public string Folder { get; }

    /// <summary>Opens the embedded store in <paramref name="folder"/>, or in a new temporary folder when null.</summary>
    public static async Task<EvaluationIndex> OpenAsync(string? folder, string collection, CancellationToken cancellationToken = default)
    {
        string? temporary = folder is null ? Path.Combine(Path.GetTempPath(), "m6-eval-" + Guid.NewGuid().ToString("N")) : null;
        string path = Path.GetFullPath(folder ?? temporary!);
        EmbeddedProductVectorStore store = await EmbeddedProductVectorStore
            .OpenAsync(new EmbeddedStoreOptions { DataDirectory = path }, collection, cancellationToken)
            .ConfigureAwait(false);
        return new EvaluationIndex(store, path, temporary);
    }

    /// <summary>
    /// Indexes the catalog (products that did not change since a previous run are skipped by content hash) and returns
    /// the products the pipeline rejected (a bad row, an unreadable or oversized image): they stay out of the index and
    /// never stop the evaluation.
    /// </summary>
    /// <param name="products">The catalog as the evaluator read it, to name each rejected product's image.</param>
    /// <exception cref="InvalidOperationException">The job failed, or the store holds products the catalog does not list.</exception>
    public async Task<IReadOnlyList<SkippedProduct>> IndexAsync(
        string catalogPath,
        IReadOnlyList<Product> products,
        IProductEncoder encoder,
        IProductImageSource images,
        int batchSize,
        int threads,
        IProgress<IndexProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        var options = new IndexJobOptions
        {
            CatalogPath = catalogPath,
            StateDirectory = IndexCommand.DefaultStateDirectory(new StoreSpec(StoreKind.Embedded, Folder), Store.Collection, ShardSpec.All),
            BatchSize = batchSize,
            DegreeOfParallelism = threads,
            ProgressInterval = TimeSpan.FromSeconds(2),
        };
        IndexJobReport report = await new IndexingPipeline(encoder, Store, images)
            .RunAsync(options, progress, cancellationToken)
            .ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (report.Status is not (IndexJobStatus.Completed or IndexJobStatus.CompletedWithRejects))
        {
            throw new InvalidOperationException(
                $"indexing {catalogPath} into {Folder} ended {report.Status}: {report.Message} (error report: {report.ErrorReportPath})");
        }

        IReadOnlyList<SkippedProduct> skipped = ReadRejects(report.ErrorReportPath, products);

        // A reused store may still hold a product from an earlier run that this run rejected: drop it, so that the
        // index is what this catalog indexes now and the skipped products really cannot be found.
        string[] rejectedIds = skipped.Where(s => s.ProductId is not null).Select(s => s.ProductId!).ToArray();
        if (rejectedIds.Length > 0)
        {
            await Store.DeleteAsync(rejectedIds, cancellationToken).ConfigureAwait(false);
        }

        long stored = await Store.CountAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        long expected = products.Count - skipped.Count(s => s.ProductId is not null);
        if (stored > expected)
        {
            throw new InvalidOperationException(
                $"the store in {Folder} (collection '{Store.Collection}') holds {stored} products but the catalog {catalogPath} " +
                $"has only {expected} indexable ones: it was indexed from another catalog. Give a fresh --store folder.");
        }

        return skipped;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync().ConfigureAwait(false);
        if (_temporaryFolder is not null && Directory.Exists(_temporaryFolder))
        {
            Directory.Delete(_temporaryFolder, recursive: true);
        }
    }

    private static List<SkippedProduct> ReadRejects(string path, IReadOnlyList<Product> products)
    {
        var imageById = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (Product product in products)
        {
            imageById.TryAdd(product.Id, product.Image);
        }

        var skipped = new List<SkippedProduct>();
        if (!File.Exists(path))
        {
            return skipped;
        }

        foreach (string line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            IndexReject reject = JsonSerializer.Deserialize<IndexReject>(line, IndexingJson.Options)
                ?? throw new InvalidDataException($"{path}: a line is not a reject record.");
            string? image = reject.Id is not null && imageById.TryGetValue(reject.Id, out string? reference) ? reference : null;
            skipped.Add(new SkippedProduct(reject.Id, reject.Line, image, reject.Reason, reject.Kind));
        }

        return skipped;
    }
}
