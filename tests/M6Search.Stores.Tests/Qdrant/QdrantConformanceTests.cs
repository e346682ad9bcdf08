using System.Collections.Concurrent;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant;
using M6Search.Stores.Qdrant.Http;
using M6Search.Stores.Tests.Conformance;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>
/// The store conformance suite against a real Qdrant server, opt-in: set QDRANT_URL (and QDRANT_API_KEY when the server
/// wants one), for example <c>QDRANT_URL=http://localhost:6333 dotnet test tests/M6Search.Stores.Tests --filter Qdrant</c>.
/// Each test's collections get a unique prefix, so a shared server's own collections are never touched, and are deleted
/// after the test.
/// </summary>
public sealed class QdrantConformanceTests : VectorStoreConformanceTests, IAsyncLifetime
{
    private static readonly string? Url = Environment.GetEnvironmentVariable("QDRANT_URL");
    private static readonly string? ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY");

    private readonly string _prefix = $"m6test_{Guid.NewGuid():N}"[..19] + "_";
    private readonly ConcurrentDictionary<string, QdrantStoreOptions> _collections = new(StringComparer.Ordinal);
    private readonly List<HttpClient> _clients = [];

    protected override void SkipIfUnavailable() =>
        Skip.If(string.IsNullOrEmpty(Url), "QDRANT_URL is not set; the Qdrant conformance suite runs only against a real server.");

    protected override Task<IProductVectorStore> CreateStoreAsync(string collection, CancellationToken cancellationToken) =>
        Task.FromResult<IProductVectorStore>(Open(collection));

    protected override Task<IProductVectorStore> ReopenStoreAsync(string collection, CancellationToken cancellationToken) =>
        Task.FromResult<IProductVectorStore>(Open(collection));

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (QdrantStoreOptions options in _collections.Values)
        {
            using HttpClient client = QdrantResilience.CreateHttpClient(options, QdrantHttpHandlerFactory.CreatePrimaryHandler(options));
            await new QdrantProductStore(client, options).DeleteCollectionAsync();
        }

        foreach (HttpClient client in _clients)
        {
            client.Dispose();
        }
    }

    private QdrantProductStore Open(string collection)
    {
        QdrantStoreOptions options = _collections.GetOrAdd(collection, name => new QdrantStoreOptions
        {
            Url = Url,
            ApiKey = ApiKey,
            Collection = _prefix + name,
            WriteOrdering = QdrantWriteOrdering.Strong,
        });
        HttpClient client = QdrantResilience.CreateHttpClient(options, QdrantHttpHandlerFactory.CreatePrimaryHandler(options));
        lock (_clients)
        {
            _clients.Add(client);
        }

        return new QdrantProductStore(client, options);
    }
}
