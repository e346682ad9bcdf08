using Grpc.Core;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant.Mapping;
using M6Search.Stores.Qdrant.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.Qdrant;

/// <summary>
/// The product store on a Qdrant 1.19 server, through the official <c>Qdrant.Client</c> (gRPC, port 6334): named
/// dense vectors "image" and "text" (Cosine), the sparse vector "lexical" (no IDF modifier), the product as payload.
/// Point ids are <see cref="PointIds.FromProductId"/>. Writes wait for completion with the configured ordering. Every
/// call goes through <see cref="QdrantResilience"/>; every failure is a <see cref="VectorStoreException"/>. Aliases
/// (Qdrant only) are handled by <see cref="QdrantAliases"/>. See docs/qdrant.md.
/// </summary>
public sealed class QdrantProductStore : IProductVectorStore, IDisposable
{
    private readonly QdrantStoreOptions _options;
    private readonly QdrantConnection _connection;
    private readonly QdrantCalls _calls;
    private readonly QdrantAliases _aliases;
    private readonly QdrantCollectionSetup _setup;
    private readonly ILogger _logger;
    private bool _disposed;

    /// <summary>A store that opens its own gRPC channel to <see cref="QdrantStoreOptions.Url"/> (no call is made yet).</summary>
    public QdrantProductStore(QdrantStoreOptions options, ILogger<QdrantProductStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _connection = new QdrantConnection(options);
        _calls = new QdrantCalls(_connection, QdrantResilience.Create(options, _logger), options);
        _aliases = new QdrantAliases(_calls, options.Collection, _logger);
        _setup = new QdrantCollectionSetup(_calls, options, _logger);
        if (!string.IsNullOrEmpty(options.ApiKey) && _connection.Address.Scheme == Uri.UriSchemeHttp && !_connection.Address.IsLoopback)
        {
            QdrantLog.ApiKeyOverPlainHttp(_logger, _connection.Address.ToString());
        }
    }

    public string Collection => _options.Collection;

    public async Task EnsureCollectionAsync(CollectionSchema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ThrowIfDisposed();
        await _setup.EnsureAsync(schema, cancellationToken).ConfigureAwait(false);
    }

    public async Task UpsertAsync(IReadOnlyList<ProductPoint> points, CancellationToken cancellationToken = default)
    {
        const string Operation = "Upsert";
        ArgumentNullException.ThrowIfNull(points);
        ThrowIfDisposed();

        // Every point is checked before the first batch is sent, so a bad point never leaves a half-written call behind.
        var structs = new PointStruct[points.Count];
        for (int i = 0; i < points.Count; i++)
        {
            ProductPoint point = points[i] ?? throw new ArgumentException($"Point {i} is null.", nameof(points));
            if (point.Product is null || string.IsNullOrEmpty(point.Product.Id))
            {
                throw new ArgumentException($"Point {i} has no product id.", nameof(points));
            }

            structs[i] = new PointStruct
            {
                Id = PointReader.PointIdOf(point.Product.Id),
                Vectors = VectorMapper.ToQdrant(point, Collection),
                Payload = { ProductPayload.ToPayload(point.Product, point.ContentHash, Collection) },
            };
        }

        int batchSize = _options.UpsertBatchSize;
        int batches = (structs.Length + batchSize - 1) / batchSize;
        for (int batch = 0; batch < batches; batch++)
        {
            int start = batch * batchSize;
            int count = Math.Min(batchSize, structs.Length - start);
            var request = new UpsertPoints { CollectionName = Collection, Wait = true, Ordering = CollectionRequests.Ordering(_options.WriteOrdering) };
            request.Points.Add(new ArraySegment<PointStruct>(structs, start, count));
            try
            {
                UpdateResult result = await _calls.RunAsync(Operation, Collection, (client, token) => client.UpsertAsync(request, token), cancellationToken).ConfigureAwait(false);
                WriteResults.EnsureCompleted(result, Operation, Collection);
            }
            catch (VectorStoreException ex)
            {
                throw new VectorStoreException(
                    Operation,
                    Collection,
                    $"batch {batch + 1} of {batches} (points {start + 1}-{start + count} of {structs.Length}, first product '{points[start].Product.Id}') was not written"
                    + $" ({start} points in {batch} earlier batches were): {ex.Reason}",
                    ex,
                    ex.StatusCode);
            }

            QdrantLog.BatchUpserted(_logger, batch + 1, batches, count, Collection);
        }
    }

    public async Task DeleteAsync(IReadOnlyList<string> productIds, CancellationToken cancellationToken = default)
    {
        const string Operation = "Delete";
        ArgumentNullException.ThrowIfNull(productIds);
        ThrowIfDisposed();
        Guid[] ids = productIds.Select((id, i) => string.IsNullOrEmpty(id)
                ? throw new ArgumentException($"Product id {i} is empty.", nameof(productIds))
                : PointIds.FromProductId(id))
            .Distinct()
            .ToArray();

        int batchSize = _options.UpsertBatchSize;
        for (int start = 0; start < ids.Length; start += batchSize)
        {
            Guid[] batch = ids.Skip(start).Take(batchSize).ToArray();
            UpdateResult result = await _calls.RunAsync(
                Operation,
                Collection,
                (client, token) => client.DeleteAsync(Collection, batch, wait: true, ordering: Ordering, cancellationToken: token),
                cancellationToken).ConfigureAwait(false);
            WriteResults.EnsureCompleted(result, Operation, Collection);
        }
    }

    public async Task<ProductPoint?> GetAsync(string productId, bool withVectors = false, CancellationToken cancellationToken = default)
    {
        const string Operation = "Get";
        ArgumentException.ThrowIfNullOrEmpty(productId);
        ThrowIfDisposed();
        IReadOnlyList<RetrievedPoint> found = await _calls.RunAsync(
            Operation,
            Collection,
            (client, token) => client.RetrieveAsync(Collection, PointIds.FromProductId(productId), withPayload: true, withVectors: withVectors, cancellationToken: token),
            cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return null;
        }

        ProductPoint point = PointReader.ToProductPoint(found[0].Id, found[0].Payload, found[0].Vectors, Operation, Collection);
        if (point.Product.Id != productId)
        {
            throw new VectorStoreException(Operation, Collection, $"the point of product '{productId}' holds product '{point.Product.Id}'.");
        }

        return point;
    }

    public async Task<long> CountAsync(ProductFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return await CountCoreAsync("Count", filter, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ScrollPage> ScrollAsync(ScrollRequest request, CancellationToken cancellationToken = default)
    {
        const string Operation = "Scroll";
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Limit, 1, nameof(request) + "." + nameof(request.Limit));
        PointId? offset = PointReader.ParseCursor(request.Offset);
        Filter? filter = FilterMapper.ToQdrant(request.Filter);
        ScrollResponse page = await _calls.RunAsync(
            Operation,
            Collection,
            (client, token) => client.ScrollAsync(
                Collection, filter, (uint)request.Limit, offset, vectorsSelector: new WithVectorsSelector { Enable = request.WithVectors }, cancellationToken: token),
            cancellationToken).ConfigureAwait(false);
        ProductPoint[] points = page.Result.Select(point => PointReader.ToProductPoint(point.Id, point.Payload, point.Vectors, Operation, Collection)).ToArray();
        string? next = page.NextPageOffset is { } cursor ? PointReader.IdText(cursor, Operation, Collection) : null;
        return new ScrollPage(points, next);
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken = default)
    {
        const string Operation = "Search";
        ArgumentNullException.ThrowIfNull(query);
        ThrowIfDisposed();
        ArgumentException.ThrowIfNullOrEmpty(query.Using, nameof(query) + "." + nameof(query.Using));
        if (query.Using == CollectionSchema.LexicalVector)
        {
            throw new ArgumentException($"'{CollectionSchema.LexicalVector}' is the sparse vector; search it through HybridSearchAsync.", nameof(query));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query) + "." + nameof(query.Limit));
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset, nameof(query) + "." + nameof(query.Offset));
        VectorMapper.CheckDense(query.Vector, $"the query vector for '{query.Using}'", Operation, Collection);
        if (query.ScoreThreshold is { } threshold && !float.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(query), "The score threshold must be a finite number.");
        }

        Filter? filter = FilterMapper.ToQdrant(query.Filter);
        IReadOnlyList<ScoredPoint> hits = await _calls.RunAsync(
            Operation,
            Collection,
            (client, token) => client.QueryAsync(
                Collection,
                QueryRequests.Nearest(query.Vector),
                usingVector: query.Using,
                filter: filter,
                scoreThreshold: query.ScoreThreshold,
                limit: (ulong)query.Limit,
                offset: (ulong)query.Offset,
                vectorsSelector: new WithVectorsSelector { Enable = query.WithVectors },
                cancellationToken: token),
            cancellationToken).ConfigureAwait(false);
        return ToHits(hits, Operation);
    }

    public async Task<IReadOnlyList<SearchHit>> HybridSearchAsync(HybridQuery query, CancellationToken cancellationToken = default)
    {
        const string Operation = "HybridSearch";
        ArgumentNullException.ThrowIfNull(query);
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query) + "." + nameof(query.Limit));
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset, nameof(query) + "." + nameof(query.Offset));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PrefetchLimit, 1, nameof(query) + "." + nameof(query.PrefetchLimit));
        if (query.Dense.Count == 0 && query.Lexical is null)
        {
            throw new ArgumentException("A hybrid query needs at least one dense vector or the lexical vector.", nameof(query));
        }

        Filter? filter = FilterMapper.ToQdrant(query.Filter);
        (List<PrefetchQuery> prefetch, Query fusion) = QueryRequests.Hybrid(query, filter, Operation, Collection);
        if (prefetch.Count == 0)
        {
            return [];
        }

        IReadOnlyList<ScoredPoint> hits = await _calls.RunAsync(
            Operation,
            Collection,
            (client, token) => client.QueryAsync(
                Collection,
                fusion,
                prefetch,
                filter: filter,
                limit: (ulong)query.Limit,
                offset: (ulong)query.Offset,
                vectorsSelector: new WithVectorsSelector { Enable = query.WithVectors },
                cancellationToken: token),
            cancellationToken).ConfigureAwait(false);
        return ToHits(hits, Operation);
    }

    public async Task<string> CreateSnapshotAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        SnapshotDescription snapshot = await _calls.RunAsync(
            "CreateSnapshot", Collection, (client, token) => client.CreateSnapshotAsync(Collection, token), cancellationToken).ConfigureAwait(false);
        return snapshot.Name;
    }

    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        const string Operation = "GetStats";
        ThrowIfDisposed();
        CollectionInfo info = await _setup.GetInfoAsync(Operation, cancellationToken).ConfigureAwait(false);
        long points = await CountCoreAsync(Operation, null, cancellationToken).ConfigureAwait(false);
        SortedDictionary<string, string> settings = StatsMapper.Settings(info, _options);

        // Shard details are informative: a key without the right to read them still gets the collection stats.
        try
        {
            CollectionClusterInfoResponse shards = await _calls.RunAsync(
                Operation, Collection, (client, token) => client.GetCollectionClusterSetupInfoAsync(Collection, token), cancellationToken).ConfigureAwait(false);
            StatsMapper.AddShards(settings, shards);
        }
        catch (VectorStoreException ex)
        {
            settings["shards.error"] = ex.Reason;
        }

        return new StoreStats
        {
            Store = "qdrant",
            Collection = Collection,
            Points = points,
            DenseVectors = StatsMapper.DenseDimensions(info.Config.Params),
            HasLexicalVector = SchemaComparer.Lexical(info.Config.Params) is not null,
            Settings = settings,
        };
    }

    /// <summary>Deletes the whole collection; false when there was none.</summary>
    public async Task<bool> DeleteCollectionAsync(CancellationToken cancellationToken = default)
    {
        const string Operation = "DeleteCollection";
        ThrowIfDisposed();
        try
        {
            await _calls.RunAsync(Operation, Collection, (client, token) => client.DeleteCollectionAsync(Collection, cancellationToken: token), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (VectorStoreException ex) when (ex.StatusCode == (int)StatusCode.NotFound || ex.InnerException is global::Qdrant.Client.QdrantException)
        {
            // Qdrant answers "result: false" (or NotFound) for a collection that is not there.
            return false;
        }
    }

    /// <inheritdoc cref="QdrantAliases.SwitchAsync"/>
    public Task SwitchAliasAsync(string alias, string collection, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _aliases.SwitchAsync(alias, collection, cancellationToken);
    }

    /// <inheritdoc cref="QdrantAliases.ListAsync"/>
    public Task<IReadOnlyList<CollectionAlias>> ListAliasesAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _aliases.ListAsync(cancellationToken);
    }

    /// <inheritdoc cref="QdrantAliases.ListOfAsync"/>
    public Task<IReadOnlyList<CollectionAlias>> ListAliasesOfAsync(string collection, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _aliases.ListOfAsync(collection, cancellationToken);
    }

    /// <summary>Closes the gRPC channel; calls made after this throw <see cref="ObjectDisposedException"/>.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Also synchronous, so that a service provider disposed with <c>Dispose()</c> can release the singleton.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _connection.Dispose();
    }

    private WriteOrderingType Ordering => CollectionRequests.Ordering(_options.WriteOrdering).Type;

    private SearchHit[] ToHits(IReadOnlyList<ScoredPoint> hits, string operation) =>
        hits.Select(hit => new SearchHit(PointReader.ToProductPoint(hit.Id, hit.Payload, hit.Vectors, operation, Collection), hit.Score)).ToArray();

    private async Task<long> CountCoreAsync(string operation, ProductFilter? filter, CancellationToken cancellationToken)
    {
        Filter? qdrantFilter = FilterMapper.ToQdrant(filter);
        ulong count = await _calls.RunAsync(
            operation, Collection, (client, token) => client.CountAsync(Collection, qdrantFilter, exact: true, cancellationToken: token), cancellationToken).ConfigureAwait(false);
        return checked((long)count);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
