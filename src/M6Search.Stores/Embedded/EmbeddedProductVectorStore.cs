using System.Globalization;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded.Querying;
using M6Search.Stores.Embedded.Storage;
using M6Search.Stores.Embedded.Validation;
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
/// <para>
/// The parts: <see cref="CollectionLocation"/> (options and paths), <see cref="CollectionAccess"/> (lock file,
/// locking, lifetime), <see cref="CollectionLoader"/> (index loading), <see cref="PointPreparation"/> and
/// <see cref="InputChecks"/> (input validation), <see cref="CollectionQueries"/> (the read paths, hybrid fusion
/// included), <see cref="CollectionSnapshots"/> and <see cref="StoreErrors"/> (error wrapping).
/// </para>
/// </remarks>
public sealed class EmbeddedProductVectorStore : IProductVectorStore
{
    /// <summary>The <see cref="StoreStats.Store"/> value of this store.</summary>
    public const string StoreName = "embedded";

    private readonly CollectionLocation _location;
    private readonly CollectionAccess _access;

    private EmbeddedProductVectorStore(CollectionLocation location, CollectionAccess access)
    {
        _location = location;
        _access = access;
    }

    public string Collection => _location.Collection;

    /// <summary>The collection's SQLite file.</summary>
    public string FilePath => _location.FilePath;

    private EmbeddedStoreOptions Options => _location.Options;

    /// <summary>The file of a collection under a data directory: <c>&lt;dataDirectory&gt;/collections/&lt;collection&gt;.sqlite</c>.</summary>
    public static string CollectionFilePath(string dataDirectory, string collection) => CollectionLocation.FilePathOf(dataDirectory, collection);

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
            CollectionLocation location = CollectionLocation.Resolve("open", options, collection);
            if (!BitConverter.IsLittleEndian)
            {
                throw new VectorStoreException("open", collection, "the embedded store's file format is little-endian; this machine is big-endian.");
            }

            return Task.FromResult(new EmbeddedProductVectorStore(location, CollectionAccess.Open(location, cancellationToken)));
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
            CollectionSnapshots.Restore(options, collection, snapshotPath, cancellationToken);
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
        return _access.WriteAsync("ensure collection", () =>
        {
            StoredSchema requested = StoredSchema.From(schema);
            if (_access.State is CollectionState existing)
            {
                if (!existing.Schema.Schema.HasSameShapeAs(schema))
                {
                    throw new StoreRequestException(
                        $"the collection exists with vectors ({existing.Schema.Schema.Describe()}); the requested schema has ({schema.Describe()}).");
                }

                return;
            }

            _access.Create(requested);
        }, cancellationToken);
    }

    public Task UpsertAsync(IReadOnlyList<ProductPoint> points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        return _access.WriteAsync("upsert", () =>
        {
            CollectionState state = _access.RequireState();
            List<PreparedPoint> prepared = PointPreparation.Prepare(points, state.Schema);
            if (prepared.Count == 0)
            {
                return;
            }

            SlotReservation reservation = state.Reserve(prepared);
            bool applied = false;
            try
            {
                using SqliteTransaction transaction = _access.File.Begin();
                for (int i = 0; i < prepared.Count; i++)
                {
                    _access.File.Write(transaction, reservation.Slots[i], prepared[i], state.Schema);
                }

                cancellationToken.ThrowIfCancellationRequested();
                _access.CommitAndApply(transaction, () => state.ApplyUpsert(prepared, reservation.Slots));
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
        return _access.WriteAsync("delete", () =>
        {
            CollectionState state = _access.RequireState();
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

            using SqliteTransaction transaction = _access.File.Begin();
            foreach ((_, int slot) in deleted)
            {
                _access.File.Delete(transaction, slot);
            }

            cancellationToken.ThrowIfCancellationRequested();
            _access.CommitAndApply(transaction, () => state.ApplyDelete(deleted));
        }, cancellationToken);
    }

    public Task<ProductPoint?> GetAsync(string productId, bool withVectors = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(productId);
        return _access.ReadAsync("get", (state, session) => state.SlotOf(productId) is int slot ? session.ReadPoint(slot, withVectors) : null, cancellationToken);
    }

    public Task<long> CountAsync(ProductFilter? filter = null, CancellationToken cancellationToken = default) =>
        _access.ReadAsync("count", (state, _) => CollectionQueries.Count(state, filter), cancellationToken);

    public Task<ScrollPage> ScrollAsync(ScrollRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _access.ReadAsync("scroll", (state, session) => CollectionQueries.Scroll(state, session, request, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _access.ReadAsync(
            "search",
            (state, session) => CollectionQueries.Search(state, session, query, Options.RescoreMultiplier, cancellationToken),
            cancellationToken);
    }

    public Task<IReadOnlyList<SearchHit>> HybridSearchAsync(HybridQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _access.ReadAsync(
            "hybrid search",
            (state, session) => CollectionQueries.HybridSearch(state, session, query, Options.RescoreMultiplier, cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// Copies the collection with SQLite's online backup (a consistent read of the last commit; writers are not blocked)
    /// to <c>&lt;DataDirectory&gt;/snapshots/&lt;collection&gt;/&lt;collection&gt;-&lt;UTC time&gt;.sqlite</c> and returns that path.
    /// </summary>
    public Task<string> CreateSnapshotAsync(CancellationToken cancellationToken = default) =>
        _access.RunAsync("snapshot", () =>
        {
            _access.RequireState();
            return CollectionSnapshots.Create(_location);
        }, cancellationToken);

    public Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default) =>
        _access.ReadAsync("stats", (state, _) =>
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
                    ["dataDirectory"] = Path.GetFullPath(Options.DataDirectory),
                    ["file"] = FilePath,
                    ["fileBytes"] = (fileBytes + walBytes).ToString(CultureInfo.InvariantCulture),
                    ["quantization"] = Options.Quantization.ToString(),
                    ["rescoreMultiplier"] = Options.RescoreMultiplier.ToString(CultureInfo.InvariantCulture),
                    ["durableCommits"] = Options.DurableCommits ? "true" : "false",
                    ["memoryMapBytes"] = Options.MemoryMapBytes.ToString(CultureInfo.InvariantCulture),
                    ["slots"] = state.ScanLimit.ToString(CultureInfo.InvariantCulture),
                    ["freeSlots"] = state.FreeSlotCount.ToString(CultureInfo.InvariantCulture),
                    ["indexMemoryBytes"] = state.MemoryBytes.ToString(CultureInfo.InvariantCulture),
                    ["lexicalPoints"] = (state.Sparse?.Count ?? 0).ToString(CultureInfo.InvariantCulture),
                },
            };
        }, cancellationToken);

    public ValueTask DisposeAsync() => _access.DisposeAsync();

    private static long FileLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
