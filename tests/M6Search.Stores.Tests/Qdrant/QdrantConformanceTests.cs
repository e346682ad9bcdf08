using System.Collections.Concurrent;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant;
using M6Search.Stores.Tests.Conformance;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>
/// The store conformance suite against a real Qdrant server, opt-in: set QDRANT_URL to its gRPC address (and
/// QDRANT_API_KEY when the server wants one), for example
/// <c>QDRANT_URL=http://localhost:6334 dotnet test tests/M6Search.Stores.Tests --filter QdrantConformanceTests</c>.
/// Each test's collections get a unique prefix, so a shared server's own collections are never touched, and are
/// deleted after the test.
/// </summary>
public sealed class QdrantConformanceTests : VectorStoreConformanceTests, IAsyncLifetime
{
    private static readonly string? Url = Environment.GetEnvironmentVariable("QDRANT_URL");
    private static readonly string? ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY");

    private readonly string _prefix = $"m6test_{Guid.NewGuid():N}"[..19] + "_";
    private readonly ConcurrentDictionary<string, QdrantStoreOptions> _collections = new(StringComparer.Ordinal);

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
            await using var store = new QdrantProductStore(options);
            await store.DeleteCollectionAsync();
        }
    }

    private QdrantProductStore Open(string collection) => new(_collections.GetOrAdd(collection, name => new QdrantStoreOptions
    {
        Url = Url,
        ApiKey = ApiKey,
        Collection = _prefix + name,
        WriteOrdering = QdrantWriteOrdering.Strong,
    }));
}
