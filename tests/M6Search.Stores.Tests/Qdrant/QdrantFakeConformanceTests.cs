extern alias QdrantFake;

using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant;
using M6Search.Stores.Tests.Conformance;
using QdrantFake::M6Search.Stores.QdrantFake;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>
/// The store conformance suite through the Qdrant store, against the in-process fake Qdrant. It proves the store's
/// side end to end (requests, payload round trips, filters, reading replies, fusion parameters) against a server that
/// follows Qdrant 1.19's protocol and documented ranking (exact search, RRF as Qdrant computes it). It does not prove
/// that a real Qdrant behaves like the fake: <see cref="QdrantConformanceTests"/> runs the same suite against one.
/// </summary>
public sealed class QdrantFakeConformanceTests : VectorStoreConformanceTests, IAsyncLifetime
{
    private FakeQdrantServer _server = null!;

    async Task IAsyncLifetime.InitializeAsync() => _server = await FakeQdrantServer.StartAsync();

    async Task IAsyncLifetime.DisposeAsync() => await _server.DisposeAsync();

    protected override Task<IProductVectorStore> CreateStoreAsync(string collection, CancellationToken cancellationToken) =>
        Task.FromResult<IProductVectorStore>(Open(collection));

    protected override Task<IProductVectorStore> ReopenStoreAsync(string collection, CancellationToken cancellationToken) =>
        Task.FromResult<IProductVectorStore>(Open(collection));

    private QdrantProductStore Open(string collection) => TestStores.Create(_server, o => o.Collection = collection);
}
