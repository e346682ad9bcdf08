using System.Globalization;
using System.Text.Json;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant.Http;
using M6Search.Stores.Qdrant.Json;
using M6Search.Stores.Qdrant.Mapping;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace M6Search.Stores.Qdrant;

/// <summary>
/// The product store on a Qdrant server (1.19 REST API): named dense vectors "image" and "text" (cosine), the sparse
/// vector "lexical" (no IDF modifier), the product as payload. Point ids are <see cref="PointIds.FromProductId"/>.
/// Writes wait for completion (<c>wait=true</c>) with the configured ordering. See docs/qdrant.md.
/// </summary>
public sealed class QdrantProductStore : IProductVectorStore, IDisposable
{
    private static readonly string[] KeywordFields =
    [
        ProductPayload.CategoryKey, ProductPayload.MerchantKey, ProductPayload.LangKey, ProductPayload.CurrencyKey,
    ];

    /// <summary>Values beyond the 99th percentile are clipped before scaling to int8, so that outliers do not waste the range.</summary>
    private const float Int8Quantile = 0.99f;

    private readonly QdrantStoreOptions _options;
    private readonly QdrantRestClient _rest;
    private readonly HttpClient _httpClient;
    private readonly Uri _baseUri;
    private readonly ILogger _logger;
    private readonly string _collectionPath;
    private readonly string _writeQuery;
    private bool _disposed;

    /// <summary>
    /// A store that sends through <paramref name="httpClient"/>. The client is not disposed by the store; give it the
    /// Qdrant resilience pipeline (<see cref="QdrantResilience"/>) or requests are not retried.
    /// </summary>
    public QdrantProductStore(HttpClient httpClient, QdrantStoreOptions options, ILogger<QdrantProductStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;

        string url = options.Url!.EndsWith('/') ? options.Url : options.Url + "/";
        var baseUri = new Uri(url, UriKind.Absolute);
        _rest = new QdrantRestClient(httpClient, baseUri, options.ApiKey, options.Collection);
        _httpClient = httpClient;
        _baseUri = baseUri;
        _collectionPath = "collections/" + Uri.EscapeDataString(options.Collection);
        _writeQuery = "?wait=true&ordering=" + options.WriteOrdering.ToString().ToLowerInvariant();
        if (!string.IsNullOrEmpty(options.ApiKey) && baseUri.Scheme == Uri.UriSchemeHttp && !baseUri.IsLoopback)
        {
            QdrantLog.ApiKeyOverPlainHttp(_logger, baseUri.ToString());
        }
    }

    public string Collection => _options.Collection;

    public async Task EnsureCollectionAsync(CollectionSchema schema, CancellationToken cancellationToken = default)
    {
        const string Operation = "EnsureCollection";
        ArgumentNullException.ThrowIfNull(schema);
        ThrowIfDisposed();
        CheckSchema(schema);

        CollectionExistenceDto existence = await _rest.SendAsync(
            Operation, HttpMethod.Get, _collectionPath + "/exists", null, QdrantJson.Context.QdrantResponseCollectionExistenceDto, cancellationToken).ConfigureAwait(false);
        if (!existence.Exists)
        {
            await CreateCollectionAsync(schema, cancellationToken).ConfigureAwait(false);
        }

        CollectionInfoDto info = await GetCollectionInfoAsync(Operation, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> differences;
        try
        {
            differences = SchemaComparer.Differences(info.Config.Params, schema);
        }
        catch (JsonException ex)
        {
            throw new VectorStoreException(Operation, Collection, $"Qdrant's collection info has malformed vector parameters: {ex.Message}", ex);
        }

        if (differences.Count > 0)
        {
            throw new VectorStoreException(Operation, Collection, "the existing collection does not match the schema: " + string.Join("; ", differences) + ".");
        }

        await EnsurePayloadIndexesAsync(info, cancellationToken).ConfigureAwait(false);
    }

    public async Task UpsertAsync(IReadOnlyList<ProductPoint> points, CancellationToken cancellationToken = default)
    {
        const string Operation = "Upsert";
        ArgumentNullException.ThrowIfNull(points);
        ThrowIfDisposed();

        // Every point is checked before the first batch is sent, so a bad point never leaves a half-written call behind.
        var structs = new PointStructDto[points.Count];
        for (int i = 0; i < points.Count; i++)
        {
            ProductPoint point = points[i] ?? throw new ArgumentException($"Point {i} is null.", nameof(points));
            if (point.Product is null || string.IsNullOrEmpty(point.Product.Id))
            {
                throw new ArgumentException($"Point {i} has no product id.", nameof(points));
            }

            structs[i] = new PointStructDto(
                PointIds.FromProductId(point.Product.Id).ToString("D"),
                VectorMapper.ToQdrant(point, Collection),
                ProductPayload.ToPayload(point.Product, point.ContentHash, Collection));
        }

        int batchSize = _options.UpsertBatchSize;
        int batches = (structs.Length + batchSize - 1) / batchSize;
        for (int batch = 0; batch < batches; batch++)
        {
            int start = batch * batchSize;
            int count = Math.Min(batchSize, structs.Length - start);
            byte[] body = QdrantRestClient.Serialize(
                new UpsertPointsRequest(new ArraySegment<PointStructDto>(structs, start, count)), QdrantJson.Context.UpsertPointsRequest);
            try
            {
                UpdateResultDto result = await _rest.SendAsync(
                    Operation, HttpMethod.Put, _collectionPath + "/points" + _writeQuery, body, QdrantJson.Context.QdrantResponseUpdateResultDto, cancellationToken).ConfigureAwait(false);
                EnsureCompleted(result, Operation);
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
        string[] ids = productIds.Select((id, i) => string.IsNullOrEmpty(id)
                ? throw new ArgumentException($"Product id {i} is empty.", nameof(productIds))
                : PointIds.FromProductId(id).ToString("D"))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        int batchSize = _options.UpsertBatchSize;
        for (int start = 0; start < ids.Length; start += batchSize)
        {
            int count = Math.Min(batchSize, ids.Length - start);
            byte[] body = QdrantRestClient.Serialize(
                new DeletePointsRequest(new ArraySegment<string>(ids, start, count)), QdrantJson.Context.DeletePointsRequest);
            UpdateResultDto result = await _rest.SendAsync(
                Operation, HttpMethod.Post, _collectionPath + "/points/delete" + _writeQuery, body, QdrantJson.Context.QdrantResponseUpdateResultDto, cancellationToken).ConfigureAwait(false);
            EnsureCompleted(result, Operation);
        }
    }

    public async Task<ProductPoint?> GetAsync(string productId, bool withVectors = false, CancellationToken cancellationToken = default)
    {
        const string Operation = "Get";
        ArgumentException.ThrowIfNullOrEmpty(productId);
        ThrowIfDisposed();
        byte[] body = QdrantRestClient.Serialize(
            new RetrievePointsRequest([PointIds.FromProductId(productId).ToString("D")], WithPayload: true, WithVector: withVectors),
            QdrantJson.Context.RetrievePointsRequest);
        IReadOnlyList<RecordDto> records = await _rest.SendAsync(
            Operation, HttpMethod.Post, _collectionPath + "/points", body, QdrantJson.Context.QdrantResponseIReadOnlyListRecordDto, cancellationToken).ConfigureAwait(false);
        if (records.Count == 0)
        {
            return null;
        }

        ProductPoint point = ToProductPoint(records[0], Operation);
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
        byte[] body = QdrantRestClient.Serialize(
            new ScrollPointsRequest
            {
                Offset = ParseCursor(request.Offset),
                Limit = request.Limit,
                Filter = FilterMapper.ToQdrant(request.Filter),
                WithPayload = true,
                WithVector = request.WithVectors,
            },
            QdrantJson.Context.ScrollPointsRequest);
        ScrollResultDto result = await _rest.SendAsync(
            Operation, HttpMethod.Post, _collectionPath + "/points/scroll", body, QdrantJson.Context.QdrantResponseScrollResultDto, cancellationToken).ConfigureAwait(false);
        ProductPoint[] points = result.Points.Select(record => ToProductPoint(record, Operation)).ToArray();
        string? next = result.NextPageOffset is { } offset && offset.ValueKind != JsonValueKind.Null ? PointIdText(offset, Operation) : null;
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

        var request = new QueryPointsRequest
        {
            Query = query.Vector,
            Using = query.Using,
            Filter = FilterMapper.ToQdrant(query.Filter),
            ScoreThreshold = query.ScoreThreshold,
            Limit = query.Limit,
            Offset = query.Offset == 0 ? null : query.Offset,
            WithPayload = true,
            WithVector = query.WithVectors,
        };
        return await QueryAsync(Operation, request, cancellationToken).ConfigureAwait(false);
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

        FilterDto? filter = FilterMapper.ToQdrant(query.Filter);
        var prefetch = new List<PrefetchDto>();
        foreach ((string name, float[] vector) in query.Dense.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(name) || name == CollectionSchema.LexicalVector)
            {
                throw new ArgumentException($"'{name}' is not a dense vector name.", nameof(query));
            }

            VectorMapper.CheckDense(vector, $"the query vector for '{name}'", Operation, Collection);
            prefetch.Add(new PrefetchDto { Query = vector, Using = name, Filter = filter, Limit = query.PrefetchLimit });
        }

        if (query.Lexical is { } lexical)
        {
            VectorMapper.CheckSparse(lexical, "the lexical query vector", Operation, Collection);

            // A sparse search only finds points sharing a term with the query; with no terms it finds none, so it adds no list.
            if (lexical.Indices.Length > 0)
            {
                prefetch.Add(new PrefetchDto
                {
                    Query = new SparseVectorDto(lexical.Indices, lexical.Values),
                    Using = CollectionSchema.LexicalVector,
                    Filter = filter,
                    Limit = query.PrefetchLimit,
                });
            }
        }

        if (prefetch.Count == 0)
        {
            return [];
        }

        var request = new QueryPointsRequest
        {
            Prefetch = prefetch,
            Query = new FusionQueryDto("rrf"),
            Filter = filter,
            Limit = query.Limit,
            Offset = query.Offset == 0 ? null : query.Offset,
            WithPayload = true,
            WithVector = query.WithVectors,
        };
        return await QueryAsync(Operation, request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> CreateSnapshotAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        SnapshotDescriptionDto snapshot = await _rest.SendAsync(
            "CreateSnapshot", HttpMethod.Post, _collectionPath + "/snapshots?wait=true", null, QdrantJson.Context.QdrantResponseSnapshotDescriptionDto, cancellationToken).ConfigureAwait(false);
        return snapshot.Name;
    }

    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        const string Operation = "GetStats";
        ThrowIfDisposed();
        CollectionInfoDto info = await GetCollectionInfoAsync(Operation, cancellationToken).ConfigureAwait(false);
        long points = await CountCoreAsync(Operation, null, cancellationToken).ConfigureAwait(false);
        CollectionParamsDto parameters = info.Config.Params;
        IReadOnlyDictionary<string, VectorParamsDto>? dense;
        try
        {
            dense = SchemaComparer.DenseVectors(parameters);
        }
        catch (JsonException ex)
        {
            throw new VectorStoreException(Operation, Collection, $"Qdrant's collection info has malformed vector parameters: {ex.Message}", ex);
        }

        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["url"] = _options.Url!,
            ["status"] = info.Status,
            ["shard_number"] = Text(parameters.ShardNumber ?? 1),
            ["replication_factor"] = Text(parameters.ReplicationFactor ?? 1),
            ["write_consistency_factor"] = Text(parameters.WriteConsistencyFactor ?? 1),
            ["write_ordering"] = _options.WriteOrdering.ToString().ToLowerInvariant(),
            ["quantization"] = DescribeQuantization(info.Config.QuantizationConfig),
            ["segments"] = Text(info.SegmentsCount),
            ["payload_indexes"] = string.Join(", ", (info.PayloadSchema ?? new Dictionary<string, PayloadIndexInfoDto>())
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => $"{pair.Key}:{pair.Value.DataType}")),
        };
        if (info.IndexedVectorsCount is { } indexed)
        {
            settings["indexed_vectors"] = Text(indexed);
        }

        if (parameters.SparseVectors?.TryGetValue(CollectionSchema.LexicalVector, out SparseVectorParamsDto? lexical) == true)
        {
            settings["lexical_modifier"] = lexical.Modifier ?? SchemaComparer.LexicalModifier;
        }

        await AddClusterSettingsAsync(settings, cancellationToken).ConfigureAwait(false);
        return new StoreStats
        {
            Store = "qdrant",
            Collection = Collection,
            Points = points,
            DenseVectors = (dense ?? new Dictionary<string, VectorParamsDto>()).ToDictionary(pair => pair.Key, pair => checked((int)pair.Value.Size), StringComparer.Ordinal),
            HasLexicalVector = SchemaComparer.HasLexical(parameters),
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
            JsonElement result = await _rest.SendAsync(
                Operation, HttpMethod.Delete, _collectionPath, null, QdrantJson.Context.QdrantResponseJsonElement, cancellationToken).ConfigureAwait(false);
            return result.ValueKind == JsonValueKind.True;
        }
        catch (VectorStoreException ex) when (ex.StatusCode == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Points <paramref name="alias"/> at <paramref name="collection"/> in one atomic call (<c>POST /collections/aliases</c>
    /// with <c>delete_alias</c> then <c>create_alias</c>): every reader of the alias sees the old collection or the new
    /// one, never neither. The alias is created when there was none. The collection must exist; Qdrant answers 404
    /// otherwise, and the alias is left as it was. Aliases belong to the server, not to this store's collection.
    /// </summary>
    public async Task SwitchAliasAsync(string alias, string collection, CancellationToken cancellationToken = default)
    {
        const string Operation = "SwitchAlias";
        CheckName(alias, nameof(alias));
        CheckName(collection, nameof(collection));
        if (alias == collection)
        {
            throw new ArgumentException($"The alias '{alias}' cannot have the name of the collection it points to.", nameof(alias));
        }

        ThrowIfDisposed();
        byte[] body = QdrantRestClient.Serialize(
            new ChangeAliasesRequest(
            [
                new AliasActionDto { DeleteAlias = new DeleteAliasDto(alias) },
                new AliasActionDto { CreateAlias = new CreateAliasDto(collection, alias) },
            ]),
            QdrantJson.Context.ChangeAliasesRequest);
        QdrantRestClient rest = RestFor(collection);
        JsonElement done;
        try
        {
            done = await rest.SendAsync(
                Operation, HttpMethod.Post, "collections/aliases", body, QdrantJson.Context.QdrantResponseJsonElement, cancellationToken).ConfigureAwait(false);
        }
        catch (VectorStoreException ex) when (ex.StatusCode == 404)
        {
            throw new VectorStoreException(
                Operation, collection, $"alias '{alias}' was not changed: the collection does not exist ({ex.Reason}).", ex, ex.StatusCode);
        }

        if (done.ValueKind != JsonValueKind.True)
        {
            throw new VectorStoreException(Operation, collection, $"Qdrant answered the alias change with result {done.GetRawText()}, not true.");
        }

        QdrantLog.AliasSwitched(_logger, alias, collection);
    }

    /// <summary>Every alias on the server (<c>GET /aliases</c>), ordered by alias name.</summary>
    public async Task<IReadOnlyList<CollectionAlias>> ListAliasesAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        CollectionsAliasesDto result = await _rest.SendAsync(
            "ListAliases", HttpMethod.Get, "aliases", null, QdrantJson.Context.QdrantResponseCollectionsAliasesDto, cancellationToken).ConfigureAwait(false);
        return ToAliases(result);
    }

    /// <summary>The aliases that point to <paramref name="collection"/> (<c>GET /collections/{name}/aliases</c>), ordered by name.</summary>
    public async Task<IReadOnlyList<CollectionAlias>> ListAliasesOfAsync(string collection, CancellationToken cancellationToken = default)
    {
        CheckName(collection, nameof(collection));
        ThrowIfDisposed();
        CollectionsAliasesDto result = await RestFor(collection).SendAsync(
            "ListAliases", HttpMethod.Get, "collections/" + Uri.EscapeDataString(collection) + "/aliases", null,
            QdrantJson.Context.QdrantResponseCollectionsAliasesDto, cancellationToken).ConfigureAwait(false);
        return ToAliases(result);
    }

    /// <summary>The store does not own its <see cref="HttpClient"/>; disposing only ends this instance.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Also synchronous, so that a service provider disposed with <c>Dispose()</c> can release the singleton.</summary>
    public void Dispose() => _disposed = true;

    private async Task CreateCollectionAsync(CollectionSchema schema, CancellationToken cancellationToken)
    {
        bool int8 = _options.Quantization == QdrantQuantization.Int8;
        var request = new CreateCollectionRequest
        {
            Vectors = schema.DenseVectors.ToDictionary(
                pair => pair.Key, pair => new VectorParamsDto(pair.Value, SchemaComparer.Cosine, OnDisk: int8 ? true : null), StringComparer.Ordinal),
            SparseVectors = schema.HasLexicalVector
                ? new Dictionary<string, SparseVectorParamsDto> { [CollectionSchema.LexicalVector] = new(SchemaComparer.LexicalModifier) }
                : null,
            ShardNumber = _options.ShardNumber,
            ReplicationFactor = _options.ReplicationFactor,
            WriteConsistencyFactor = _options.WriteConsistencyFactor,
            QuantizationConfig = int8 ? new QuantizationConfigDto(new ScalarQuantizationConfigDto("int8", Int8Quantile, AlwaysRam: true)) : null,
        };
        byte[] body = QdrantRestClient.Serialize(request, QdrantJson.Context.CreateCollectionRequest);
        try
        {
            JsonElement created = await _rest.SendAsync(
                "EnsureCollection", HttpMethod.Put, _collectionPath, body, QdrantJson.Context.QdrantResponseJsonElement, cancellationToken).ConfigureAwait(false);
            if (created.ValueKind != JsonValueKind.True)
            {
                throw new VectorStoreException("EnsureCollection", Collection, $"Qdrant answered the creation with result {created.GetRawText()}, not true.");
            }

            QdrantLog.CollectionCreated(_logger, Collection);
        }
        catch (VectorStoreException ex) when (ex.StatusCode == 409)
        {
            // Created by someone else since the existence check: the schema check that follows decides whether it fits.
        }
    }

    private async Task EnsurePayloadIndexesAsync(CollectionInfoDto info, CancellationToken cancellationToken)
    {
        const string Operation = "EnsureCollection";
        var wanted = new List<(string Field, string Schema)>();
        wanted.AddRange(KeywordFields.Select(field => (field, "keyword")));
        wanted.Add((ProductPayload.PriceKey, "float"));
        wanted.AddRange(_options.IndexedAttributeKeys.Distinct(StringComparer.Ordinal).Select(key => ($"{ProductPayload.AttributesKey}.{key}", "keyword")));

        var mismatches = new List<string>();
        foreach ((string field, string schema) in wanted)
        {
            if (info.PayloadSchema?.TryGetValue(field, out PayloadIndexInfoDto? existing) == true)
            {
                if (existing.DataType != schema)
                {
                    mismatches.Add($"payload field '{field}' is indexed as {existing.DataType}, not {schema}");
                }

                continue;
            }

            byte[] body = QdrantRestClient.Serialize(new CreateFieldIndexRequest(field, schema), QdrantJson.Context.CreateFieldIndexRequest);
            UpdateResultDto result = await _rest.SendAsync(
                Operation, HttpMethod.Put, _collectionPath + "/index" + _writeQuery, body, QdrantJson.Context.QdrantResponseUpdateResultDto, cancellationToken).ConfigureAwait(false);
            EnsureCompleted(result, Operation);
            QdrantLog.PayloadIndexCreated(_logger, field, schema, Collection);
        }

        if (mismatches.Count > 0)
        {
            throw new VectorStoreException(Operation, Collection, "the existing collection does not match the schema: " + string.Join("; ", mismatches) + ".");
        }
    }

    private Task<CollectionInfoDto> GetCollectionInfoAsync(string operation, CancellationToken cancellationToken) =>
        _rest.SendAsync(operation, HttpMethod.Get, _collectionPath, null, QdrantJson.Context.QdrantResponseCollectionInfoDto, cancellationToken);

    private async Task<long> CountCoreAsync(string operation, ProductFilter? filter, CancellationToken cancellationToken)
    {
        byte[] body = QdrantRestClient.Serialize(new CountPointsRequest(FilterMapper.ToQdrant(filter), Exact: true), QdrantJson.Context.CountPointsRequest);
        CountResultDto result = await _rest.SendAsync(
            operation, HttpMethod.Post, _collectionPath + "/points/count", body, QdrantJson.Context.QdrantResponseCountResultDto, cancellationToken).ConfigureAwait(false);
        return result.Count;
    }

    private async Task<IReadOnlyList<SearchHit>> QueryAsync(string operation, QueryPointsRequest request, CancellationToken cancellationToken)
    {
        byte[] body = QdrantRestClient.Serialize(request, QdrantJson.Context.QueryPointsRequest);
        QueryResultDto result = await _rest.SendAsync(
            operation, HttpMethod.Post, _collectionPath + "/points/query", body, QdrantJson.Context.QdrantResponseQueryResultDto, cancellationToken).ConfigureAwait(false);
        return result.Points.Select(record => new SearchHit(ToProductPoint(record, operation), record.Score)).ToArray();
    }

    private async Task AddClusterSettingsAsync(SortedDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        // Cluster details are informative: a key without cluster rights (or an older server) still gets the collection stats.
        try
        {
            ClusterStatusDto cluster = await _rest.SendAsync(
                "GetStats", HttpMethod.Get, "cluster", null, QdrantJson.Context.QdrantResponseClusterStatusDto, cancellationToken).ConfigureAwait(false);
            settings["cluster.status"] = cluster.Status;
            if (cluster.PeerId is { } peer)
            {
                settings["cluster.peer_id"] = Text(peer);
            }

            if (cluster.Peers is { } peers)
            {
                settings["cluster.peers"] = string.Join(", ", peers.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value.Uri}"));
            }

            if (cluster.RaftInfo is { } raft)
            {
                settings["cluster.raft_term"] = Text(raft.Term);
                settings["cluster.raft_commit"] = Text(raft.Commit);
                settings["cluster.leader"] = raft.Leader is { } leader ? Text(leader) : "none";
                if (raft.Role is { } role)
                {
                    settings["cluster.role"] = role;
                }
            }
        }
        catch (VectorStoreException ex)
        {
            settings["cluster.error"] = ex.Reason;
        }

        try
        {
            CollectionClusterInfoDto shards = await _rest.SendAsync(
                "GetStats", HttpMethod.Get, _collectionPath + "/cluster", null, QdrantJson.Context.QdrantResponseCollectionClusterInfoDto, cancellationToken).ConfigureAwait(false);
            settings["shards.count"] = Text(shards.ShardCount);
            settings["shards.local"] = string.Join(", ", shards.LocalShards.Select(shard => $"{shard.ShardId}:{shard.State}({shard.PointsCount} points)"));
            settings["shards.remote"] = string.Join(", ", shards.RemoteShards.Select(shard => $"{shard.ShardId}@{shard.PeerId}:{shard.State}"));
            settings["shards.transfers"] = Text(shards.ShardTransfers.Count);
        }
        catch (VectorStoreException ex)
        {
            settings["shards.error"] = ex.Reason;
        }
    }

    private ProductPoint ToProductPoint(RecordDto record, string operation)
    {
        string pointId = PointIdText(record.Id, operation);
        (M6Search.Catalog.Products.Product product, string? contentHash) = ProductPayload.FromPayload(record.Payload, pointId, operation, Collection);
        if (!string.Equals(PointIds.FromProductId(product.Id).ToString("D"), pointId, StringComparison.OrdinalIgnoreCase))
        {
            throw new VectorStoreException(operation, Collection, $"point {pointId} holds product '{product.Id}', whose point id differs; the collection holds points M6Search did not write.");
        }

        (IReadOnlyDictionary<string, float[]> dense, SparseVector? lexical) = VectorMapper.FromQdrant(record.Vector, pointId, operation, Collection);
        return new ProductPoint { Product = product, ContentHash = contentHash, Vectors = dense, Lexical = lexical };
    }

    private void EnsureCompleted(UpdateResultDto result, string operation)
    {
        if (result.Status != "completed")
        {
            throw new VectorStoreException(operation, Collection, $"Qdrant reported the write as '{result.Status}', not 'completed' (operation {result.OperationId?.ToString(CultureInfo.InvariantCulture) ?? "?"}).");
        }
    }

    private void CheckSchema(CollectionSchema schema)
    {
        if (schema.DenseVectors is null || (schema.DenseVectors.Count == 0 && !schema.HasLexicalVector))
        {
            throw new ArgumentException("The schema names no vector.", nameof(schema));
        }

        foreach ((string name, int dimension) in schema.DenseVectors)
        {
            if (string.IsNullOrEmpty(name) || name == CollectionSchema.LexicalVector || dimension < 1)
            {
                throw new ArgumentException($"The schema's dense vector '{name}' ({dimension} dimensions) is not usable.", nameof(schema));
            }
        }
    }

    private static object? ParseCursor(string? offset)
    {
        if (offset is null)
        {
            return null;
        }

        if (Guid.TryParse(offset, out Guid uuid))
        {
            return uuid.ToString("D");
        }

        if (ulong.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out ulong number))
        {
            return number;
        }

        throw new ArgumentException($"'{offset}' is not a scroll cursor returned by this store.", nameof(ScrollRequest.Offset));
    }

    private string PointIdText(JsonElement id, string operation) => id.ValueKind switch
    {
        JsonValueKind.String => id.GetString()!,
        JsonValueKind.Number => id.GetRawText(),
        _ => throw new VectorStoreException(operation, Collection, $"Qdrant returned a point id that is a {id.ValueKind}, not a string or an integer."),
    };

    /// <summary>The same transport, with errors naming <paramref name="collection"/> instead of this store's collection.</summary>
    private QdrantRestClient RestFor(string collection) =>
        collection == Collection ? _rest : new QdrantRestClient(_httpClient, _baseUri, _options.ApiKey, collection);

    private static IReadOnlyList<CollectionAlias> ToAliases(CollectionsAliasesDto result) => result.Aliases
        .Select(alias => new CollectionAlias(alias.AliasName, alias.CollectionName))
        .OrderBy(alias => alias.Alias, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The rules of <see cref="QdrantStoreOptions.Collection"/>, for alias and collection names given to a call.</summary>
    private static void CheckName(string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameter);
        if (name.IndexOfAny(['/', '\\', '?', '#', '%']) >= 0 || name.Length > 255)
        {
            throw new ArgumentException($"'{name}' must be at most 255 characters without / \\ ? # %.", parameter);
        }
    }

    /// <summary>"none", "int8" (with its quantile and RAM placement when given), or the kind Qdrant reports.</summary>
    private static string DescribeQuantization(JsonElement? config)
    {
        if (config is not { ValueKind: JsonValueKind.Object } value)
        {
            return "none";
        }

        if (value.TryGetProperty("scalar", out JsonElement scalar) && scalar.ValueKind == JsonValueKind.Object)
        {
            string type = scalar.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "scalar";
            var parts = new List<string>();
            if (scalar.TryGetProperty("quantile", out JsonElement quantile) && quantile.ValueKind == JsonValueKind.Number)
            {
                parts.Add("quantile " + quantile.GetRawText());
            }

            if (scalar.TryGetProperty("always_ram", out JsonElement ram) && ram.ValueKind == JsonValueKind.True)
            {
                parts.Add("always in RAM");
            }

            return parts.Count == 0 ? type : $"{type} ({string.Join(", ", parts)})";
        }

        return value.EnumerateObject().FirstOrDefault().Name ?? "none";
    }

    private static string Text<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
