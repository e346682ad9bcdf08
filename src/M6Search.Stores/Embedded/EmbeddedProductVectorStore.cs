using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded.Filtering;
using M6Search.Stores.Embedded.Index;
using M6Search.Stores.Embedded.Storage;
using Microsoft.Data.Sqlite;

namespace M6Search.Stores.Embedded;

/// <summary>
/// The default vector store: no server, one SQLite file per collection (the durable truth: payload and vectors, one
/// transaction per batch, WAL journal) and an in-memory index rebuilt from it at open (contiguous float or int8 rows per
/// dense vector, an inverted index for the sparse vector, filter columns). Search is exact: every row is scored with
/// SIMD dot products.
/// </summary>
/// <remarks>
/// One instance owns a collection: a lock file keeps a second instance (in this or another process) from opening it.
/// Searches, counts, gets and scrolls run in parallel with each other and with the preparation of a write; a batch
/// becomes visible to readers all at once (its commit and its in-memory update happen under the write lock). Async
/// methods complete synchronously: the work is CPU and local file access.
/// </remarks>
public sealed partial class EmbeddedProductVectorStore : IProductVectorStore
{
    /// <summary>The <see cref="StoreStats.Store"/> value of this store.</summary>
    public const string StoreName = "embedded";

    private const string CollectionsFolder = "collections";
    private const string SnapshotsFolder = "snapshots";
    private const string FileExtension = ".sqlite";

    private readonly EmbeddedStoreOptions _options;
    private readonly FileStream _lockFile;
    private readonly CollectionFile _file;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private CollectionState? _state;
    private ReadSessionPool? _sessions;
    private string? _faultReason;
    private volatile bool _disposed;
    private int _disposeStarted;

    private EmbeddedProductVectorStore(EmbeddedStoreOptions options, string collection, string path, FileStream lockFile, CollectionFile file)
    {
        _options = options;
        Collection = collection;
        FilePath = path;
        _lockFile = lockFile;
        _file = file;
    }

    public string Collection { get; }

    /// <summary>The collection's SQLite file.</summary>
    public string FilePath { get; }

    /// <summary>The file of a collection under a data directory: <c>&lt;dataDirectory&gt;/collections/&lt;collection&gt;.sqlite</c>.</summary>
    public static string CollectionFilePath(string dataDirectory, string collection) =>
        Path.Combine(Path.GetFullPath(dataDirectory), CollectionsFolder, collection + FileExtension);

    /// <summary>
    /// Opens a collection: takes its lock, and when its file exists, loads the index from it. A collection that does not
    /// exist yet is created by <see cref="EnsureCollectionAsync"/>.
    /// </summary>
    public static Task<EmbeddedProductVectorStore> OpenAsync(EmbeddedStoreOptions options, string collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(collection);
        try
        {
            return Task.FromResult(Open(options, collection, cancellationToken));
        }
        catch (Exception exception)
        {
            return Task.FromException<EmbeddedProductVectorStore>(exception);
        }
    }

    /// <summary>
    /// Replaces a collection with a snapshot written by <see cref="CreateSnapshotAsync"/>. The collection must not be open
    /// (its lock is taken for the duration). The snapshot is checked to be a collection file before anything is replaced.
    /// </summary>
    public static Task RestoreSnapshotAsync(EmbeddedStoreOptions options, string collection, string snapshotPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(snapshotPath);
        try
        {
            Restore(options, collection, snapshotPath, cancellationToken);
            return Task.CompletedTask;
        }
        catch (Exception exception)
        {
            return Task.FromException(exception);
        }
    }

    public Task EnsureCollectionAsync(CollectionSchema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return WriteAsync("ensure collection", () =>
        {
            StoredSchema requested = StoredSchema.From(schema);
            if (_state is not null)
            {
                if (!_state.Schema.Schema.HasSameShapeAs(schema))
                {
                    throw new StoreRequestException(
                        $"the collection exists with vectors ({_state.Schema.Schema.Describe()}); the requested schema has ({schema.Describe()}).");
                }

                return;
            }

            _file.Create(requested);
            var state = new CollectionState(requested, _options.Quantization, _options.RowsPerBlock);
            var sessions = new ReadSessionPool(FilePath, requested, _options.MemoryMapBytes);
            _lock.EnterWriteLock();
            try
            {
                _state = state;
                _sessions = sessions;
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }, cancellationToken);
    }

    public Task UpsertAsync(IReadOnlyList<ProductPoint> points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        return WriteAsync("upsert", () =>
        {
            CollectionState state = RequireState();
            List<PreparedPoint> prepared = Prepare(points, state.Schema);
            if (prepared.Count == 0)
            {
                return;
            }

            SlotReservation reservation = state.Reserve(prepared);
            bool applied = false;
            try
            {
                using SqliteTransaction transaction = _file.Begin();
                for (int i = 0; i < prepared.Count; i++)
                {
                    _file.Write(transaction, reservation.Slots[i], prepared[i], state.Schema);
                }

                cancellationToken.ThrowIfCancellationRequested();
                CommitAndApply(transaction, () => state.ApplyUpsert(prepared, reservation.Slots));
                applied = true;
            }
            finally
            {
                if (!applied)
                {
                    reservation.Undo();
                }
            }
        }, cancellationToken);
    }

    public Task DeleteAsync(IReadOnlyList<string> productIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        return WriteAsync("delete", () =>
        {
            CollectionState state = RequireState();
            var deleted = new List<(Guid PointId, int Slot)>();
            var seen = new HashSet<Guid>();
            foreach (string productId in productIds)
            {
                if (string.IsNullOrEmpty(productId))
                {
                    throw new StoreRequestException("a product id to delete is null or empty.");
                }

                Guid pointId = PointIds.FromProductId(productId);
                if (seen.Add(pointId) && state.SlotOf(pointId) is int slot)
                {
                    deleted.Add((pointId, slot));
                }
            }

            if (deleted.Count == 0)
            {
                return;
            }

            using SqliteTransaction transaction = _file.Begin();
            foreach ((_, int slot) in deleted)
            {
                _file.Delete(transaction, slot);
            }

            cancellationToken.ThrowIfCancellationRequested();
            CommitAndApply(transaction, () => state.ApplyDelete(deleted));
        }, cancellationToken);
    }

    public Task<ProductPoint?> GetAsync(string productId, bool withVectors = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(productId);
        return ReadAsync("get", (state, session) => state.SlotOf(productId) is int slot ? session.ReadPoint(slot, withVectors) : null, cancellationToken);
    }

    public Task<long> CountAsync(ProductFilter? filter = null, CancellationToken cancellationToken = default) =>
        ReadAsync("count", (state, _) => state.Count(Compile(filter, state)), cancellationToken);

    public Task<ScrollPage> ScrollAsync(ScrollRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ReadAsync("scroll", (state, session) =>
        {
            if (request.Limit < 1)
            {
                throw new StoreRequestException($"scroll limit must be at least 1, not {request.Limit}.");
            }

            string from = string.Empty;
            if (request.Offset is not null)
            {
                if (!Guid.TryParse(request.Offset, out Guid offset))
                {
                    throw new StoreRequestException($"scroll offset '{request.Offset}' is not a cursor returned by this store (a point id).");
                }

                from = offset.ToString("D");
            }

            CompiledFilter? filter = Compile(request.Filter, state);
            if (filter?.MatchesNothing == true)
            {
                return new ScrollPage([], null);
            }

            var slots = new List<int>(request.Limit);
            string? next = null;
            foreach ((int slot, string pointId) in session.PointIdsFrom(from))
            {
                if (filter is not null && !filter.Matches(slot))
                {
                    continue;
                }

                if (slots.Count == request.Limit)
                {
                    next = pointId;
                    break;
                }

                cancellationToken.ThrowIfCancellationRequested();
                slots.Add(slot);
            }

            ProductPoint[] points = slots.Select(slot => ReadExisting(session, slot, request.WithVectors)).ToArray();
            return new ScrollPage(points, next);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync<IReadOnlyList<SearchHit>>("search", (state, session) =>
        {
            CheckPage(query.Limit, query.Offset);
            int denseIndex = DenseIndexOf(state, query.Using);
            float[] unitQuery = UnitQuery(query.Vector, state.Schema.Dimensions[denseIndex], query.Using);
            if (query.ScoreThreshold is float threshold && float.IsNaN(threshold))
            {
                throw new StoreRequestException("score threshold is NaN.");
            }

            CompiledFilter? filter = Compile(query.Filter, state);
            if (filter?.MatchesNothing == true)
            {
                return [];
            }

            ScoredSlot[] best = SearchDense(state, session, denseIndex, unitQuery, query.Offset + query.Limit, filter, query.ScoreThreshold, cancellationToken);
            return ToHits(session, best.Skip(query.Offset), query.WithVectors);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<SearchHit>> HybridSearchAsync(HybridQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync<IReadOnlyList<SearchHit>>("hybrid search", (state, session) =>
        {
            CheckPage(query.Limit, query.Offset);
            if (query.PrefetchLimit < 1)
            {
                throw new StoreRequestException($"prefetch limit must be at least 1, not {query.PrefetchLimit}.");
            }

            if (query.RrfK < 1)
            {
                throw new StoreRequestException($"the RRF k must be at least 1, not {query.RrfK}.");
            }

            IReadOnlyDictionary<string, float[]> dense = query.Dense ?? new Dictionary<string, float[]>();
            if (dense.Count == 0 && query.Lexical is null)
            {
                throw new StoreRequestException("a hybrid query needs at least one dense or lexical search.");
            }

            var searches = new List<(int DenseIndex, float[] UnitQuery)>();
            foreach (KeyValuePair<string, float[]> search in dense)
            {
                int denseIndex = DenseIndexOf(state, search.Key);
                searches.Add((denseIndex, UnitQuery(search.Value, state.Schema.Dimensions[denseIndex], search.Key)));
            }

            if (query.Lexical is not null)
            {
                if (state.Sparse is null)
                {
                    throw new StoreRequestException($"the collection has no '{CollectionSchema.LexicalVector}' vector.");
                }

                CheckSparse(query.Lexical, "the lexical query");
            }

            CompiledFilter? filter = Compile(query.Filter, state);
            if (filter?.MatchesNothing == true)
            {
                return [];
            }

            var rankings = new List<IReadOnlyList<ScoredSlot>>();
            foreach ((int denseIndex, float[] unitQuery) in searches)
            {
                rankings.Add(SearchDense(state, session, denseIndex, unitQuery, query.PrefetchLimit, filter, null, cancellationToken));
            }

            if (query.Lexical is not null)
            {
                rankings.Add(state.Sparse!.Search(query.Lexical, query.PrefetchLimit, state.ScanLimit, filter, cancellationToken));
            }

            ScoredSlot[] fused = ReciprocalRankFusion.Fuse(rankings, query.RrfK);
            return ToHits(session, fused.Skip(query.Offset).Take(query.Limit), query.WithVectors);
        }, cancellationToken);
    }

    /// <summary>
    /// Copies the collection with SQLite's online backup (a consistent read of the last commit; writers are not blocked)
    /// to <c>&lt;DataDirectory&gt;/snapshots/&lt;collection&gt;/&lt;collection&gt;-&lt;UTC time&gt;.sqlite</c> and returns that path.
    /// </summary>
    public Task<string> CreateSnapshotAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            ThrowIfUnusable();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Wrap("snapshot", () =>
            {
                RequireState();
                string folder = Path.Combine(Path.GetFullPath(_options.DataDirectory), SnapshotsFolder, Collection);
                Directory.CreateDirectory(folder);
                string stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
                string path = Path.Combine(folder, $"{Collection}-{stamp}{FileExtension}");
                for (int copy = 1; File.Exists(path); copy++)
                {
                    path = Path.Combine(folder, $"{Collection}-{stamp}-{copy}{FileExtension}");
                }

                using SqliteConnection source = SqliteConnections.OpenReader(FilePath);
                using SqliteConnection destination = SqliteConnections.Open(path, SqliteOpenMode.ReadWriteCreate);
                source.BackupDatabase(destination);
                return path;
            }));
        }
        catch (Exception exception)
        {
            return Task.FromException<string>(exception);
        }
    }

    public Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("stats", (state, _) =>
        {
            long fileBytes = FileLength(FilePath);
            long walBytes = FileLength(FilePath + "-wal");
            return new StoreStats
            {
                Store = StoreName,
                Collection = Collection,
                Points = state.LiveCount,
                DenseVectors = state.Schema.Schema.DenseVectors,
                HasLexicalVector = state.Schema.HasLexicalVector,
                Settings = new Dictionary<string, string>
                {
                    ["dataDirectory"] = Path.GetFullPath(_options.DataDirectory),
                    ["file"] = FilePath,
                    ["fileBytes"] = (fileBytes + walBytes).ToString(CultureInfo.InvariantCulture),
                    ["quantization"] = _options.Quantization.ToString(),
                    ["rescoreMultiplier"] = _options.RescoreMultiplier.ToString(CultureInfo.InvariantCulture),
                    ["durableCommits"] = _options.DurableCommits ? "true" : "false",
                    ["memoryMapBytes"] = _options.MemoryMapBytes.ToString(CultureInfo.InvariantCulture),
                    ["slots"] = state.ScanLimit.ToString(CultureInfo.InvariantCulture),
                    ["freeSlots"] = state.FreeSlotCount.ToString(CultureInfo.InvariantCulture),
                    ["indexMemoryBytes"] = state.MemoryBytes.ToString(CultureInfo.InvariantCulture),
                    ["lexicalPoints"] = (state.Sparse?.Count ?? 0).ToString(CultureInfo.InvariantCulture),
                },
            };
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) == 1)
        {
            return;
        }

        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            _lock.EnterWriteLock();
            try
            {
                _disposed = true;
            }
            finally
            {
                _lock.ExitWriteLock();
            }

            _sessions?.Dispose();
            _file.Dispose();
            _lockFile.Dispose();

            // Let the index (gigabytes for large collections) go even while someone still holds this instance.
            _sessions = null;
            _state = null;
        }
        finally
        {
            _writeGate.Release();
        }

        _lock.Dispose();
        _writeGate.Dispose();
    }

    private static EmbeddedProductVectorStore Open(EmbeddedStoreOptions options, string collection, CancellationToken cancellationToken)
    {
        EmbeddedStoreOptions copy = CopyOf(options);
        try
        {
            copy.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new VectorStoreException("open", collection, exception.Message, exception);
        }

        CheckCollectionName("open", collection);
        if (!BitConverter.IsLittleEndian)
        {
            throw new VectorStoreException("open", collection, "the embedded store's file format is little-endian; this machine is big-endian.");
        }

        string path = CollectionFilePath(copy.DataDirectory, collection);
        FileStream lockFile = AcquireLock("open", collection, path);
        CollectionFile? file = null;
        try
        {
            file = new CollectionFile(path, copy.DurableCommits);
            var store = new EmbeddedProductVectorStore(copy, collection, path, lockFile, file);
            store.Wrap("open", () =>
            {
                StoredSchema? schema = file.ReadSchema();
                if (schema is not null)
                {
                    store._state = Load(file, schema, copy, cancellationToken);
                    store._sessions = new ReadSessionPool(path, schema, copy.MemoryMapBytes);
                }

                return true;
            });
            return store;
        }
        catch (Exception exception)
        {
            file?.Dispose();
            lockFile.Dispose();
            if (exception is SqliteException sqlite)
            {
                throw new VectorStoreException("open", collection, $"SQLite error {sqlite.SqliteErrorCode}: {sqlite.Message}", sqlite);
            }

            throw;
        }
    }

    private static CollectionState Load(CollectionFile file, StoredSchema schema, EmbeddedStoreOptions options, CancellationToken cancellationToken)
    {
        var state = new CollectionState(schema, options.Quantization, options.RowsPerBlock);
        file.ForEachPoint(schema, reader =>
        {
            long slot = reader.GetInt64(0);
            if (slot is < 0 or >= int.MaxValue)
            {
                throw new StoreRequestException($"the collection file has a slot out of range: {slot}.");
            }

            string pointIdText = reader.GetString(1);
            if (!Guid.TryParse(pointIdText, out Guid pointId))
            {
                throw new StoreRequestException($"slot {slot} has a point id that is not a UUID: '{pointIdText}'.");
            }

            PayloadFields fields;
            try
            {
                fields = PayloadFields.Parse(reader.GetFieldValue<byte[]>(2));
            }
            catch (JsonException exception)
            {
                throw new StoreRequestException($"slot {slot} (point {pointIdText}) has a payload that is not JSON: {exception.Message}", exception);
            }

            SparseVector? lexical = schema.HasLexicalVector && !reader.IsDBNull(3) ? VectorCodec.DecodeSparse(reader.GetFieldValue<byte[]>(3)) : null;
            state.LoadPoint((int)slot, pointId, fields, lexical);
            for (int d = 0; d < schema.DenseNames.Count; d++)
            {
                int column = 4 + d;
                if (reader.IsDBNull(column))
                {
                    continue;
                }

                // GetFieldValue copies the BLOB out of the row; GetBytes would open an incremental-I/O blob handle per call.
                byte[] blob = reader.GetFieldValue<byte[]>(column);
                int expected = schema.Dimensions[d] * sizeof(float);
                if (blob.Length != expected)
                {
                    throw new StoreRequestException($"slot {slot} (point {pointIdText}): vector '{schema.DenseNames[d]}' has {blob.Length} bytes, expected {expected}.");
                }

                state.LoadDense((int)slot, d, MemoryMarshal.Cast<byte, float>(blob.AsSpan()));
            }
        }, cancellationToken);
        state.FinishLoad();
        return state;
    }

    private static void Restore(EmbeddedStoreOptions options, string collection, string snapshotPath, CancellationToken cancellationToken)
    {
        const string operation = "restore snapshot";
        EmbeddedStoreOptions copy = CopyOf(options);
        try
        {
            copy.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new VectorStoreException(operation, collection, exception.Message, exception);
        }

        CheckCollectionName(operation, collection);
        if (!File.Exists(snapshotPath))
        {
            throw new VectorStoreException(operation, collection, $"snapshot '{snapshotPath}' does not exist.");
        }

        string path = CollectionFilePath(copy.DataDirectory, collection);
        using FileStream lockFile = AcquireLock(operation, collection, path);
        string temporary = path + ".restoring";
        try
        {
            File.Delete(temporary);
            using (SqliteConnection snapshot = SqliteConnections.Open(snapshotPath, SqliteOpenMode.ReadOnly))
            using (SqliteConnection copyOfSnapshot = SqliteConnections.Open(temporary, SqliteOpenMode.ReadWriteCreate))
            {
                snapshot.BackupDatabase(copyOfSnapshot);
            }

            using (var check = new CollectionFile(temporary, durableCommits: true))
            {
                if (check.ReadSchema() is null)
                {
                    throw new StoreRequestException($"'{snapshotPath}' is an empty database, not a collection snapshot.");
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (File.Exists(path))
            {
                // Fold the old file's write-ahead log into it, so that no stale log is left to be replayed over the
                // restored file.
                using (SqliteConnection old = SqliteConnections.Open(path, SqliteOpenMode.ReadWrite))
                {
                    SqliteConnections.Execute(old, "PRAGMA wal_checkpoint(TRUNCATE);");
                }

                File.Delete(path + "-wal");
                File.Delete(path + "-shm");
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (StoreRequestException exception)
        {
            throw new VectorStoreException(operation, collection, exception.Message, exception);
        }
        catch (SqliteException exception)
        {
            throw new VectorStoreException(operation, collection, $"'{snapshotPath}' could not be restored: SQLite error {exception.SqliteErrorCode}: {exception.Message}", exception);
        }
        finally
        {
            File.Delete(temporary);
            File.Delete(temporary + "-wal");
            File.Delete(temporary + "-shm");
        }
    }

    private static FileStream AcquireLock(string operation, string collection, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string lockPath = path + ".lock";
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock on Unix): one owner per collection, across processes.
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new VectorStoreException(operation, collection, $"the collection is open in another store instance or process (lock '{lockPath}').", exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new VectorStoreException(operation, collection, $"cannot write the lock file '{lockPath}': {exception.Message}", exception);
        }
    }

    private static void CheckCollectionName(string operation, string collection)
    {
        if (!CollectionNamePattern().IsMatch(collection))
        {
            throw new VectorStoreException(operation, collection, "a collection name is 1 to 128 letters, digits, '_' or '-', starting with a letter or digit.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex CollectionNamePattern();

    private static EmbeddedStoreOptions CopyOf(EmbeddedStoreOptions options) => new()
    {
        DataDirectory = options.DataDirectory,
        Quantization = options.Quantization,
        RescoreMultiplier = options.RescoreMultiplier,
        DurableCommits = options.DurableCommits,
        RowsPerBlock = options.RowsPerBlock,
        MemoryMapBytes = options.MemoryMapBytes,
    };

    private static List<PreparedPoint> Prepare(IReadOnlyList<ProductPoint> points, StoredSchema schema)
    {
        // The last occurrence of a product in the batch wins, as if the points had been upserted one after another.
        var byPoint = new Dictionary<Guid, int>();
        var prepared = new List<PreparedPoint>(points.Count);
        for (int index = 0; index < points.Count; index++)
        {
            ProductPoint point = points[index] ?? throw new StoreRequestException($"point {index} is null.");
            if (point.Product is null)
            {
                throw new StoreRequestException($"point {index} has no product.");
            }

            string productId = point.Product.Id;
            if (string.IsNullOrWhiteSpace(productId))
            {
                throw new StoreRequestException($"point {index} has an empty product id.");
            }

            var dense = new float[]?[schema.DenseNames.Count];
            foreach (KeyValuePair<string, float[]> vector in point.Vectors ?? new Dictionary<string, float[]>())
            {
                int denseIndex = schema.IndexOf(vector.Key);
                if (denseIndex < 0)
                {
                    throw new StoreRequestException(
                        $"product '{productId}': vector '{vector.Key}' is not in the collection schema ({schema.Schema.Describe()}).");
                }

                dense[denseIndex] = UnitVector(vector.Value, schema.Dimensions[denseIndex], $"product '{productId}': vector '{vector.Key}'");
            }

            if (point.Lexical is not null)
            {
                if (!schema.HasLexicalVector)
                {
                    throw new StoreRequestException($"product '{productId}' has a lexical vector; the collection has none.");
                }

                CheckSparse(point.Lexical, $"product '{productId}': lexical vector");
            }

            string payload = ProductPayload.Serialize(point.Product);
            var entry = new PreparedPoint
            {
                ProductId = productId,
                PointId = PointIds.FromProductId(productId),
                PayloadJson = payload,
                ContentHash = point.ContentHash,
                Dense = dense,
                Lexical = point.Lexical is null ? null : new SparseVector([.. point.Lexical.Indices], [.. point.Lexical.Values]),
                Fields = PayloadFields.Parse(payload),
            };

            if (byPoint.TryGetValue(entry.PointId, out int earlier))
            {
                prepared[earlier] = entry;
            }
            else
            {
                byPoint.Add(entry.PointId, prepared.Count);
                prepared.Add(entry);
            }
        }

        return prepared;
    }

    private static float[] UnitVector(float[]? vector, int dimension, string what)
    {
        if (vector is null)
        {
            throw new StoreRequestException($"{what} is null.");
        }

        if (vector.Length != dimension)
        {
            throw new StoreRequestException($"{what} has {vector.Length} dimensions; the collection expects {dimension}.");
        }

        double sumOfSquares = 0;
        for (int i = 0; i < vector.Length; i++)
        {
            if (!float.IsFinite(vector[i]))
            {
                throw new StoreRequestException($"{what} has a non-finite value at index {i}.");
            }

            sumOfSquares += (double)vector[i] * vector[i];
        }

        var unit = new float[dimension];
        if (sumOfSquares > 0)
        {
            float inverse = (float)(1 / Math.Sqrt(sumOfSquares));
            for (int i = 0; i < dimension; i++)
            {
                unit[i] = vector[i] * inverse;
            }
        }

        return unit;
    }

    private static float[] UnitQuery(float[]? vector, int dimension, string name) => UnitVector(vector, dimension, $"query vector '{name}'");

    private static void CheckSparse(SparseVector vector, string what)
    {
        if (vector.Indices is null || vector.Values is null)
        {
            throw new StoreRequestException($"{what} has null indices or values.");
        }

        if (vector.Indices.Length != vector.Values.Length)
        {
            throw new StoreRequestException($"{what} has {vector.Indices.Length} indices but {vector.Values.Length} values.");
        }

        for (int i = 0; i < vector.Indices.Length; i++)
        {
            if (i > 0 && vector.Indices[i] <= vector.Indices[i - 1])
            {
                throw new StoreRequestException($"{what} has indices that are not strictly increasing at position {i}.");
            }

            if (!float.IsFinite(vector.Values[i]))
            {
                throw new StoreRequestException($"{what} has a non-finite value at position {i}.");
            }
        }
    }

    private static void CheckPage(int limit, int offset)
    {
        if (limit < 1)
        {
            throw new StoreRequestException($"limit must be at least 1, not {limit}.");
        }

        if (offset < 0)
        {
            throw new StoreRequestException($"offset must not be negative, not {offset}.");
        }

        if ((long)limit + offset > int.MaxValue)
        {
            throw new StoreRequestException("limit + offset is too large.");
        }
    }

    private static int DenseIndexOf(CollectionState state, string? name)
    {
        int index = name is null ? -1 : state.Schema.IndexOf(name);
        if (index < 0)
        {
            throw new StoreRequestException($"vector '{name}' is not a dense vector of the collection ({state.Schema.Schema.Describe()}).");
        }

        return index;
    }

    private static CompiledFilter? Compile(ProductFilter? filter, CollectionState state) =>
        CompiledFilter.Compile(filter, state.Columns, productId => state.SlotOf(productId));

    private ScoredSlot[] SearchDense(
        CollectionState state,
        ReadSession session,
        int denseIndex,
        float[] unitQuery,
        int k,
        CompiledFilter? filter,
        float? scoreThreshold,
        CancellationToken cancellationToken) =>
        state.Dense[denseIndex].Search(
            unitQuery,
            k,
            state.ScanLimit,
            filter,
            scoreThreshold,
            _options.RescoreMultiplier,
            slots => session.ReadDense(slots, denseIndex),
            cancellationToken);

    private static List<SearchHit> ToHits(ReadSession session, IEnumerable<ScoredSlot> hits, bool withVectors) =>
        hits.Select(hit => new SearchHit(ReadExisting(session, hit.Slot, withVectors), hit.Score)).ToList();

    private static ProductPoint ReadExisting(ReadSession session, int slot, bool withVectors) =>
        session.ReadPoint(slot, withVectors)
        ?? throw new InvalidOperationException($"The index holds slot {slot} but the collection file does not; reopen the store.");

    private static long FileLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private CollectionState RequireState() =>
        _state ?? throw new StoreRequestException("the collection does not exist; call EnsureCollectionAsync first.");

    private void CommitAndApply(SqliteTransaction transaction, Action apply)
    {
        _lock.EnterWriteLock();
        try
        {
            transaction.Commit();
            try
            {
                apply();
            }
            catch (Exception exception)
            {
                _faultReason = $"the batch was committed but the in-memory index could not be updated ({exception.Message}); reopen the store.";
                throw;
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private Task WriteAsync(string operation, Action body, CancellationToken cancellationToken)
    {
        try
        {
            ThrowIfUnusable();
        }
        catch (Exception exception)
        {
            return Task.FromException(exception);
        }

        return WriteCoreAsync(operation, body, cancellationToken);
    }

    private async Task WriteCoreAsync(string operation, Action body, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfUnusable();
            Wrap(operation, () =>
            {
                body();
                return true;
            });
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private Task<T> ReadAsync<T>(string operation, Func<CollectionState, ReadSession, T> body, CancellationToken cancellationToken)
    {
        try
        {
            ThrowIfUnusable();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Wrap(operation, () =>
            {
                _lock.EnterReadLock();
                try
                {
                    ThrowIfUnusable();
                    CollectionState state = RequireState();
                    ReadSession session = _sessions!.Rent();
                    try
                    {
                        return body(state, session);
                    }
                    finally
                    {
                        _sessions.Return(session);
                    }
                }
                finally
                {
                    _lock.ExitReadLock();
                }
            }));
        }
        catch (OperationCanceledException exception) when (exception.CancellationToken == cancellationToken)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }

    private T Wrap<T>(string operation, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (StoreRequestException exception)
        {
            throw new VectorStoreException(operation, Collection, exception.Message, exception);
        }
        catch (SqliteException exception)
        {
            throw new VectorStoreException(operation, Collection, $"SQLite error {exception.SqliteErrorCode}: {exception.Message}", exception);
        }
        catch (IOException exception)
        {
            throw new VectorStoreException(operation, Collection, exception.Message, exception);
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed || Volatile.Read(ref _disposeStarted) == 1, this);
        if (_faultReason is not null)
        {
            throw new VectorStoreException("use", Collection, _faultReason);
        }
    }
}
