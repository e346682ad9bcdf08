using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;
using M6Search.Stores.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using static M6Search.Stores.Tests.Conformance.ConformanceData;

namespace M6Search.Stores.Tests.Embedded;

/// <summary>What the embedded store does beyond the conformance suite: ownership, slots, validation, options.</summary>
public sealed class EmbeddedStoreBehaviourTests : IDisposable
{
    private static readonly CollectionSchema Schema = CollectionSchema.ForProducts(Dimension);
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task OpenAsync_Throws_WhileAnotherInstanceHoldsTheCollection()
    {
        await using EmbeddedProductVectorStore first = await OpenAsync("owned");

        VectorStoreException error = await Assert.ThrowsAsync<VectorStoreException>(() => OpenAsync("owned"));

        Assert.Equal("open", error.Operation);
        Assert.Contains("another store instance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_Succeeds_AfterThePreviousInstanceWasDisposed()
    {
        EmbeddedProductVectorStore first = await OpenAsync("handover");
        await first.DisposeAsync();

        await using EmbeddedProductVectorStore second = await OpenAsync("handover");

        Assert.Equal("handover", second.Collection);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("_leading")]
    public async Task OpenAsync_Throws_WhenTheNameIsNotASafeFileName(string collection)
    {
        VectorStoreException error = await Assert.ThrowsAsync<VectorStoreException>(() => OpenAsync(collection));

        Assert.Equal(collection, error.Collection);
    }

    [Fact]
    public async Task OpenAsync_Throws_WhenTheOptionsHaveNoDataDirectory()
    {
        VectorStoreException error = await Assert.ThrowsAsync<VectorStoreException>(
            () => EmbeddedProductVectorStore.OpenAsync(new EmbeddedStoreOptions(), "c"));

        Assert.Contains("DataDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_Throws_WhenTheFileIsAnotherSqliteDatabase()
    {
        string path = EmbeddedProductVectorStore.CollectionFilePath(_directory.Path, "foreign");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE orders (id INTEGER);";
            command.ExecuteNonQuery();
        }

        VectorStoreException error = await Assert.ThrowsAsync<VectorStoreException>(() => OpenAsync("foreign"));

        Assert.Contains("not an M6Search collection file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operations_Throw_UntilTheCollectionIsEnsured()
    {
        await using EmbeddedProductVectorStore store = await OpenAsync("not-yet");

        VectorStoreException count = await Assert.ThrowsAsync<VectorStoreException>(() => store.CountAsync());
        VectorStoreException upsert = await Assert.ThrowsAsync<VectorStoreException>(() => store.UpsertAsync([Point(Product("x"), Axis(0), Axis(0))]));

        Assert.Equal("count", count.Operation);
        Assert.Contains("EnsureCollectionAsync", upsert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_KeepsTheLastPoint_WhenABatchRepeatsAProduct()
    {
        await using EmbeddedProductVectorStore store = await EnsuredAsync("repeats");

        await store.UpsertAsync([Point(Product("same", "first"), Axis(0), Axis(0)), Point(Product("same", "second"), Axis(1), Axis(1))]);

        Assert.Equal(1, await store.CountAsync());
        Assert.Equal("second", (await store.GetAsync("same"))!.Product.Title);
    }

    [Fact]
    public async Task Upsert_NamesTheProductAndVector_WhenAValueIsNotFinite()
    {
        await using EmbeddedProductVectorStore store = await EnsuredAsync("nan");
        float[] broken = Axis(0);
        broken[3] = float.NaN;

        VectorStoreException error = await Assert.ThrowsAsync<VectorStoreException>(() => store.UpsertAsync([Point(Product("bad-1"), broken, Axis(0))]));

        Assert.Contains("product 'bad-1': vector 'image' has a non-finite value at index 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_Throws_WhenLexicalIndicesAreNotIncreasing()
    {
        await using EmbeddedProductVectorStore store = await EnsuredAsync("sparse");

        VectorStoreException error = await Assert.ThrowsAsync<VectorStoreException>(
            () => store.UpsertAsync([Point(Product("s-1"), Axis(0), Axis(0), new SparseVector([5, 5], [1f, 1f]))]));

        Assert.Contains("product 's-1': lexical vector", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Throws_WhenTheFilterNamesAFieldThatIsNotIndexed()
    {
        await using EmbeddedProductVectorStore store = await EnsuredAsync("fields");
        await store.UpsertAsync([Point(Product("f-1", "a title"), Axis(0), Axis(0))]);

        VectorStoreException error = await Assert.ThrowsAsync<VectorStoreException>(() => store.CountAsync(
            new ProductFilter { Keywords = new Dictionary<string, string> { ["title"] = "a title" } }));

        Assert.Contains("'title' cannot be filtered on", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedSlots_AreReused_AndTheStateSurvivesReopening()
    {
        await using (EmbeddedProductVectorStore store = await EnsuredAsync("slots"))
        {
            var random = new Random(21);
            await store.UpsertAsync(Enumerable.Range(0, 10).Select(i => Point(Product($"old-{i}"), RandomUnit(random), RandomUnit(random))).ToList());
            await store.DeleteAsync(Enumerable.Range(0, 10).Where(i => i % 2 == 0).Select(i => $"old-{i}").ToList());
            await store.UpsertAsync(Enumerable.Range(0, 4).Select(i => Point(Product($"new-{i}", category: "new"), Axis(i), Axis(i))).ToList());

            StoreStats stats = await store.GetStatsAsync();
            Assert.Equal("10", stats.Settings["slots"]);
            Assert.Equal("1", stats.Settings["freeSlots"]);
        }

        await using EmbeddedProductVectorStore reopened = await OpenAsync("slots");
        StoreStats reopenedStats = await reopened.GetStatsAsync();
        Assert.Equal(9, reopenedStats.Points);
        Assert.Equal("1", reopenedStats.Settings["freeSlots"]);
        Assert.Equal(4, await reopened.CountAsync(new ProductFilter { Categories = ["new"] }));
        IReadOnlyList<SearchHit> hits = await reopened.SearchAsync(new VectorQuery { Using = CollectionSchema.TextVector, Vector = Axis(2), Limit = 1 });
        Assert.Equal("new-2", hits[0].Point.Product.Id);
        await reopened.UpsertAsync([Point(Product("after-reopen"), Axis(5), Axis(5))]);
        Assert.Equal("0", (await reopened.GetStatsAsync()).Settings["freeSlots"]);
    }

    [Fact]
    public async Task Quantization_CanDifferBetweenOpens_BecauseTheFileKeepsFloatVectors()
    {
        await using (EmbeddedProductVectorStore store = await EnsuredAsync("switch"))
        {
            await store.UpsertAsync([Point(Product("a"), Axis(0), Axis(0)), Point(Product("b"), Blend(0, 1, 1f), Axis(1))]);
        }

        await using EmbeddedProductVectorStore int8 = await EmbeddedProductVectorStore.OpenAsync(
            new EmbeddedStoreOptions { DataDirectory = _directory.Path, Quantization = VectorQuantization.Int8 }, "switch");
        IReadOnlyList<SearchHit> hits = await int8.SearchAsync(new VectorQuery { Using = CollectionSchema.ImageVector, Vector = Axis(1), Limit = 2 });

        Assert.Equal(["b", "a"], hits.Select(hit => hit.Point.Product.Id));
        Assert.Equal(MathF.Sqrt(0.5f), hits[0].Score, 1e-6f);
        Assert.Equal("Int8", (await int8.GetStatsAsync()).Settings["quantization"]);
    }

    [Fact]
    public async Task Upsert_LeavesTheStoreUnchanged_WhenCancelledBeforeItRuns()
    {
        await using EmbeddedProductVectorStore store = await EnsuredAsync("cancel");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.UpsertAsync([Point(Product("x"), Axis(0), Axis(0))], cancelled.Token));

        Assert.Equal(0, await store.CountAsync());
    }

    [Fact]
    public async Task Methods_ThrowObjectDisposedException_AfterDisposal()
    {
        EmbeddedProductVectorStore store = await EnsuredAsync("disposed");
        await store.DisposeAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CountAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.UpsertAsync([]));
    }

    [Fact]
    public async Task Collection_IsOneSqliteFileInWalMode_WithAPageSizeFittingItsRows()
    {
        await using (EmbeddedProductVectorStore store = await EmbeddedProductVectorStore.OpenAsync(
            new EmbeddedStoreOptions { DataDirectory = _directory.Path }, "layout"))
        {
            await store.EnsureCollectionAsync(CollectionSchema.ForProducts(256));
            Assert.Equal(Path.Combine(_directory.Path, "collections", "layout.sqlite"), store.FilePath);
        }

        using var connection = new SqliteConnection($"Data Source={EmbeddedProductVectorStore.CollectionFilePath(_directory.Path, "layout")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        Assert.Equal(32768L, Pragma(connection, "page_size"));
        Assert.Equal("wal", Pragma(connection, "journal_mode"));
    }

    private static object? Pragma(SqliteConnection connection, string name)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return command.ExecuteScalar();
    }

    private Task<EmbeddedProductVectorStore> OpenAsync(string collection) =>
        EmbeddedProductVectorStore.OpenAsync(new EmbeddedStoreOptions { DataDirectory = _directory.Path, RowsPerBlock = 64 }, collection);

    private async Task<EmbeddedProductVectorStore> EnsuredAsync(string collection)
    {
        EmbeddedProductVectorStore store = await OpenAsync(collection);
        await store.EnsureCollectionAsync(Schema);
        return store;
    }
}
