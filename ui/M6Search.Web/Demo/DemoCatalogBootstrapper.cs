using System.Text.Json;
using M6Search.Search.Encoding;
using M6Search.Stores.Abstractions;
using M6Search.Synth.Generation;
using M6Search.Synth.Vocabulary;
using M6Search.Web.Configuration;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Demo;

/// <summary>
/// On a fresh machine the embedded store is empty: this generates the synthetic demo catalog (fixed seed, with images)
/// under <c>DataDir/demo</c> and indexes it, publishing progress to <see cref="DemoProgress"/>. A marker file
/// (<c>demo/indexed.json</c>) records a finished run; a run interrupted half way resumes on the next start.
/// </summary>
public sealed partial class DemoCatalogBootstrapper
{
    /// <summary>Written into the demo folder when the demo catalog is fully indexed.</summary>
    public const string MarkerFile = "indexed.json";

    private readonly M6Options _options;
    private readonly DemoProgress _progress;
    private readonly IDemoCatalogIndexer _indexer;
    private readonly ILogger<DemoCatalogBootstrapper> _logger;

    public DemoCatalogBootstrapper(IOptions<M6Options> options, DemoProgress progress, IDemoCatalogIndexer indexer, ILogger<DemoCatalogBootstrapper> logger)
    {
        _options = options.Value;
        _progress = progress;
        _indexer = indexer;
        _logger = logger;
    }

    /// <summary>Generates and indexes the demo catalog when needed; never throws except on cancellation.</summary>
    public async Task RunAsync(IProductVectorStore store, QueryEmbedder embedder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(embedder);
        string folder = _options.DemoCatalogDir;
        string catalog = Path.Combine(folder, SynthFiles.Catalog);
        string marker = Path.Combine(folder, MarkerFile);
        try
        {
            if (!_options.Demo.Enabled || _options.Store != StoreKind.Embedded)
            {
                _progress.Report(new DemoStatus(DemoPhase.NotNeeded, 0, 0, "the demo catalog is off for this configuration"));
                return;
            }

            if (File.Exists(catalog) && !File.Exists(Path.Combine(folder, SynthFiles.Traits)))
            {
                // A demo catalog generated before catalogs carried their trait vocabulary: the dashboard reads it from there.
                await SynthTraits.WriteAsync(folder, cancellationToken).ConfigureAwait(false);
            }

            long stored = await store.CountAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            bool demoUnfinished = File.Exists(catalog) && !File.Exists(marker);
            if (stored > 0 && !demoUnfinished)
            {
                _progress.Report(new DemoStatus(DemoPhase.NotNeeded, (int)Math.Min(stored, int.MaxValue), (int)Math.Min(stored, int.MaxValue), "the store already holds products"));
                return;
            }

            if (!File.Exists(catalog))
            {
                LogGenerating(_logger, _options.Demo.Products, folder);
                _progress.Report(new DemoStatus(DemoPhase.Generating, 0, _options.Demo.Products, null));
                var synthProgress = new Progress<SynthProgress>(p =>
                {
                    if (p.Stage == SynthStage.Rendering)
                    {
                        _progress.Report(new DemoStatus(DemoPhase.Generating, p.Done, p.Total, null));
                    }
                });
                await SyntheticCatalogGenerator.GenerateAsync(
                    folder,
                    new SynthOptions { Products = _options.Demo.Products, Seed = _options.Demo.Seed, ImageSize = _options.Demo.ImageSize },
                    synthProgress,
                    cancellationToken).ConfigureAwait(false);
            }

            LogIndexing(_logger, catalog);
            var indexProgress = new SynchronousProgress(p => _progress.Report(new DemoStatus(DemoPhase.Indexing, p.Done, p.Total, null)));
            await _indexer.IndexAsync(catalog, store, embedder, indexProgress, cancellationToken).ConfigureAwait(false);
            long total = await store.CountAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(
                marker,
                JsonSerializer.Serialize(new { products = total, seed = _options.Demo.Seed, finished = DateTimeOffset.UtcNow }),
                cancellationToken).ConfigureAwait(false);
            _progress.Report(new DemoStatus(DemoPhase.Done, (int)total, (int)total, null));
            LogDone(_logger, total);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            LogFailed(_logger, exception);
            _progress.Report(new DemoStatus(DemoPhase.Failed, 0, 0, "The demo catalog could not be built; the server log has the reason."));
        }
    }

    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Generating the demo catalog ({Products} products) in {Folder}")]
    private static partial void LogGenerating(ILogger logger, int products, string folder);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Indexing the demo catalog {Catalog}")]
    private static partial void LogIndexing(ILogger logger, string catalog);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "The demo catalog is indexed: {Products} products")]
    private static partial void LogDone(ILogger logger, long products);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Error, Message = "The demo catalog could not be built")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post out of order to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
