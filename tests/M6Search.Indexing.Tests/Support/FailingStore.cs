using M6Search.Stores.Abstractions;

namespace M6Search.Indexing.Tests.Support;

/// <summary>Passes everything to an inner store, but the upsert number <c>failOnUpsert</c> (1-based) throws.</summary>
public sealed class FailingStore(IProductVectorStore inner, int failOnUpsert) : IProductVectorStore
{
    private int _upserts;

    public string Collection => inner.Collection;

    public Task EnsureCollectionAsync(CollectionSchema schema, CancellationToken cancellationToken = default) =>
        inner.EnsureCollectionAsync(schema, cancellationToken);

    public Task UpsertAsync(IReadOnlyList<ProductPoint> points, CancellationToken cancellationToken = default) =>
        Interlocked.Increment(ref _upserts) == failOnUpsert
            ? throw new VectorStoreException("Upsert", Collection, "the disk is full (test)")
            : inner.UpsertAsync(points, cancellationToken);

    public Task DeleteAsync(IReadOnlyList<string> productIds, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(productIds, cancellationToken);

    public Task<ProductPoint?> GetAsync(string productId, bool withVectors = false, CancellationToken cancellationToken = default) =>
        inner.GetAsync(productId, withVectors, cancellationToken);

    public Task<long> CountAsync(ProductFilter? filter = null, CancellationToken cancellationToken = default) => inner.CountAsync(filter, cancellationToken);

    public Task<ScrollPage> ScrollAsync(ScrollRequest request, CancellationToken cancellationToken = default) => inner.ScrollAsync(request, cancellationToken);

    public Task<IReadOnlyList<SearchHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken = default) =>
        inner.SearchAsync(query, cancellationToken);

    public Task<IReadOnlyList<SearchHit>> HybridSearchAsync(HybridQuery query, CancellationToken cancellationToken = default) =>
        inner.HybridSearchAsync(query, cancellationToken);

    public Task<string> CreateSnapshotAsync(CancellationToken cancellationToken = default) => inner.CreateSnapshotAsync(cancellationToken);

    public Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default) => inner.GetStatsAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
