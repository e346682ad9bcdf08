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
using Microsoft.Extensions.Options;

namespace M6Search.Web.Runtime;

/// <summary>
/// Brings the search back end up after the web server has started: loads the encoder, opens the store (embedded under
/// M6:DataDir, or Qdrant), publishes the running service to <see cref="SearchRuntime"/>, then runs the demo bootstrap.
/// On shutdown it closes the store (releasing the embedded store's lock) and the encoder.
/// </summary>
public sealed partial class SearchRuntimeInitializer : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly M6Options _options;
    private readonly SearchRuntime _runtime;
    private readonly IEncoderLoader _encoderLoader;
    private readonly DemoCatalogBootstrapper _bootstrapper;
    private readonly ILogger<SearchRuntimeInitializer> _logger;
    private IProductEncoder? _encoder;
    private QueryEmbedder? _embedder;
    private IProductVectorStore? _ownedStore;

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

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_ownedStore is not null)
        {
            await _ownedStore.DisposeAsync().ConfigureAwait(false);
            _ownedStore = null;
        }

        _embedder?.Dispose();
        _encoder?.Dispose();
        _embedder = null;
        _encoder = null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        IProductVectorStore store;
        try
        {
            _encoder = await Task.Run(() => _encoderLoader.Load(_options.ModelPath), stoppingToken).ConfigureAwait(false);
            _embedder = new QueryEmbedder(_encoder, _options.Search.MaxConcurrentEmbeddings);
            store = await OpenStoreAsync(stoppingToken).ConfigureAwait(false);
            await store.EnsureCollectionAsync(CollectionSchema.ForProducts(_encoder.Dimension), stoppingToken).ConfigureAwait(false);
            var text = new SearchText();
            var search = new ProductSearchService(store, _embedder, LexicalVectorizer.Default, text, _options.Search);
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

    [LoggerMessage(EventId = 6001, Level = LogLevel.Critical, Message = "The search back end could not start")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
