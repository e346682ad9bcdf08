using M6Search.Indexing.Jobs;
using M6Search.Search.Encoding;
using M6Search.Stores.Abstractions;

namespace M6Search.Web.Demo;

/// <summary>
/// Indexes the demo catalog with the indexer's own <see cref="IndexingPipeline"/> (the same content hashes, lexical
/// vectors and error report as <c>m6 index</c>). The pipeline's encoder thread shares the query embedder's slots, so
/// shoppers' queries take turns with indexing batches instead of competing for the CPU. Its job state lives in
/// <c>DataDir/demo/index-job</c>, so an interrupted bootstrap resumes where it stopped.
/// </summary>
public sealed class PipelineDemoCatalogIndexer : IDemoCatalogIndexer
{
    private readonly int _batchSize;
    private readonly ILogger<IndexingPipeline> _logger;

    public PipelineDemoCatalogIndexer(int batchSize, ILogger<IndexingPipeline> logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _batchSize = batchSize;
        _logger = logger;
    }

    public async Task IndexAsync(
        string catalogPath, IProductVectorStore store, QueryEmbedder embedder, IProgress<(int Done, int Total)> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(progress);
        int total = File.ReadLines(catalogPath).Count(line => !string.IsNullOrWhiteSpace(line));
        progress.Report((0, total));
        var pipeline = new IndexingPipeline(embedder.AsSharedEncoder(), store, logger: _logger);
        var options = new IndexJobOptions
        {
            CatalogPath = catalogPath,
            StateDirectory = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(catalogPath))!, "index-job"),
            BatchSize = _batchSize,
            DegreeOfParallelism = Math.Max(1, Environment.ProcessorCount / 2),
        };
        var reports = new SynchronousProgress(p => progress.Report(((int)Math.Min(p.Counts.Done, total), total)));
        IndexJobReport report = await pipeline.RunAsync(options, reports, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (report.Status is IndexJobStatus.Failed or IndexJobStatus.TooManyRejects or IndexJobStatus.Cancelled)
        {
            throw new InvalidOperationException($"indexing {catalogPath} ended {report.Status}: {report.Message} (error report: {report.ErrorReportPath})");
        }

        progress.Report((total, total));
    }

    /// <summary>Reports on the caller's thread, in order.</summary>
    private sealed class SynchronousProgress(Action<IndexProgress> report) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value) => report(value);
    }
}
