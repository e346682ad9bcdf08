using M6Search.Encoder;
using M6Search.Search.Encoding;
using M6Search.Stores.Lexical;
using M6Search.Search.Searching;
using M6Search.Search.Text;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;
using M6Search.Stores.Qdrant;
using M6Search.Web.Configuration;
using M6Search.Web.Demo;
using M6Search.Web.RateLimiting;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Runtime;

/// <summary>
/// Brings the search back end up after the web server has started: loads the encoder, opens the store (embedded under
/// M6:DataDir, or Qdrant), publishes the running service to <see cref="SearchRuntime"/>, then runs the demo bootstrap.
/// On shutdown it closes the encoder and the store (releasing the embedded store's lock), once, after the bootstrap.
/// </summary>
public sealed partial class SearchRuntimeInitializer : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly M6Options _options;
    private readonly SearchRuntime _runtime;
    private readonly IEncoderLoader _encoderLoader;
    private readonly DemoCatalogBootstrapper _bootstrapper;
    private readonly ILogger<SearchRuntimeInitializer> _logger;
    private readonly Lock _closeLock = new();
    private IProductEncoder? _encoder;
    private QueryEmbedder? _embedder;
    private IProductVectorStore? _ownedStore;
    private Task? _close;

    public SearchRuntimeInitializer(
        IServiceProvider services,
        IOptions<M6Options> options,
        SearchRuntime runtime,
        IEncoderLoader encoderLoader,
        DemoCatalogBootstrapper bootstrapper,
        ILogger<SearchRuntimeInitializer> logger)
    {
        _services = services;
        _options = options.Value;
        _runtime = runtime;
        _encoderLoader = encoderLoader;
        _bootstrapper = bootstrapper;
        _logger = logger;
    }

    /// <summary>
    /// Stops the start-up and the demo bootstrap, then closes the encoder and the store, once. The host may call this
    /// twice at once (WebApplicationFactory's dispose and the app's own Run both stop the host): every call waits for
    /// the same single close. Two closes racing through the encoder's Dispose freed its native tensors twice and
    /// crashed the process with "double free or corruption" whenever the demo indexing was still running at shutdown.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Task close;
        lock (_closeLock)
        {
            close = _close ??= CloseAfterBootstrapAsync();
        }

        await close.ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        IProductVectorStore store;
        try
        {
            _encoder = await Task.Run(() => _encoderLoader.Load(_options.ModelPath), stoppingToken).ConfigureAwait(false);
            QueryEmbeddingCache? cache = _options.Search.EmbeddingCache.Enabled ? new QueryEmbeddingCache(_options.Search.EmbeddingCache) : null;
            _embedder = new QueryEmbedder(_encoder, _options.Search.MaxConcurrentEmbeddings, cache, _options.Search.QueryBatching);
            store = await OpenStoreAsync(stoppingToken).ConfigureAwait(false);
            await store.EnsureCollectionAsync(CollectionSchema.ForProducts(_encoder.Dimension), stoppingToken).ConfigureAwait(false);
            var text = new SearchText();
            // Every search (page, API, dashboard) waits for one of M6:RateLimit:ConcurrentSearches in a bounded queue.
            var search = new AdmittedSearchService(
                new ProductSearchService(store, _embedder, LexicalVectorizer.Default, text, _options.Search), _services.GetRequiredService<SearchAdmission>());
            _runtime.SetRunning(search, store, _embedder);
            LogRunning(_logger, _encoder.ModelVersion, store.Collection, _options.Store.ToString());
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            LogFailed(_logger, exception);
            _runtime.SetFailed(exception.Message);
            return;
        }

        try
        {
            await _bootstrapper.RunAsync(store, _embedder, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down mid-bootstrap: the next start resumes it.
        }
    }

    private async Task CloseAfterBootstrapAsync()
    {
        if (ExecuteTask is { IsCompleted: false } running)
        {
            // The host's shutdown timeout ran out first: the bootstrap may be inside a forward pass (a demo batch on a
            // busy machine). Closing the encoder now waits for that pass (it never frees the weights under it) and
            // makes the bootstrap's next encoder call fail at once, so the wait for the bootstrap to end is short.
            LogStillRunning(_logger);
            _embedder?.Dispose();
            _encoder?.Dispose();
            await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // Both are idempotent: the encoder may already be closed above, or have been loaded after that.
        _embedder?.Dispose();
        _encoder?.Dispose();
        if (_ownedStore is not null)
        {
            await _ownedStore.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<IProductVectorStore> OpenStoreAsync(CancellationToken cancellationToken)
    {
        if (_options.Store == StoreKind.Qdrant)
        {
            return _services.GetRequiredService<QdrantProductStore>();
        }

        var options = new EmbeddedStoreOptions { DataDirectory = _options.DataDirFullPath };
        _ownedStore = await EmbeddedProductVectorStore.OpenAsync(options, _options.Collection, cancellationToken).ConfigureAwait(false);
        return _ownedStore;
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Search is running: model {ModelVersion}, collection {Collection} ({Store} store)")]
    private static partial void LogRunning(ILogger logger, string modelVersion, string collection, string store);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "The search back end was still starting or indexing the demo catalog at the shutdown timeout; closing the encoder after its current batch and waiting for the bootstrap to end")]
    private static partial void LogStillRunning(ILogger logger);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Critical, Message = "The search back end could not start")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
