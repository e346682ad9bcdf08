namespace M6Search.Stores.Abstractions;

/// <summary>
/// The product vector store: named dense vectors ("image", "text") and a sparse lexical vector per product, with the
/// product as payload. Two implementations, one behaviour: the embedded store (default) and the Qdrant store; both pass
/// the conformance suite in tests/M6Search.Stores.Tests/Conformance.
/// </summary>
public interface IProductVectorStore : IAsyncDisposable
{
    /// <summary>The collection this store instance reads and writes.</summary>
    string Collection { get; }

    /// <summary>Creates the collection if it does not exist; verifies that an existing one matches <paramref name="schema"/>.</summary>
    Task EnsureCollectionAsync(CollectionSchema schema, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the points (keyed by product id); durable when the task completes.</summary>
    Task UpsertAsync(IReadOnlyList<ProductPoint> points, CancellationToken cancellationToken = default);

    /// <summary>Deletes the products with these ids; ids that are not stored are ignored.</summary>
    Task DeleteAsync(IReadOnlyList<string> productIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored point of a product, or null. Vectors (dense, normalised to unit length as cosine stores keep them,
    /// and the sparse lexical vector) are returned only when <paramref name="withVectors"/> is true.
    /// </summary>
    Task<ProductPoint?> GetAsync(string productId, bool withVectors = false, CancellationToken cancellationToken = default);

    /// <summary>Exact number of points matching the filter (all points when null).</summary>
    Task<long> CountAsync(ProductFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>One page of points in a stable order; pass <see cref="ScrollPage.NextOffset"/> back to continue.</summary>
    Task<ScrollPage> ScrollAsync(ScrollRequest request, CancellationToken cancellationToken = default);

    /// <summary>Nearest neighbours of one dense vector (cosine similarity, highest first).</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken = default);

    /// <summary>Several dense and/or sparse searches fused with reciprocal-rank fusion.</summary>
    Task<IReadOnlyList<SearchHit>> HybridSearchAsync(HybridQuery query, CancellationToken cancellationToken = default);

    /// <summary>Writes a consistent snapshot (backup) of the collection and returns where it lies (path or snapshot name).</summary>
    Task<string> CreateSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts and collection settings, for <c>m6 store stats</c> and the web app.</summary>
    Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default);
}
