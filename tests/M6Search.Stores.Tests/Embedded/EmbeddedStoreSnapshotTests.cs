using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;
using M6Search.Stores.Tests.TestSupport;
using static M6Search.Stores.Tests.Conformance.ConformanceData;

namespace M6Search.Stores.Tests.Embedded;

public sealed class EmbeddedStoreSnapshotTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private EmbeddedStoreOptions Options => new() { DataDirectory = _directory.Path };

    [Fact]
    public async Task RestoreSnapshot_BringsBackTheStateOfTheSnapshot()
    {
        string snapshot;
        await using (EmbeddedProductVectorStore store = await EmbeddedProductVectorStore.OpenAsync(Options, "shop"))
        {
            await store.EnsureCollectionAsync(CollectionSchema.ForProducts(Dimension));
            await store.UpsertAsync([Point(Product("kept", "before"), Axis(0), Axis(0))]);
            snapshot = await store.CreateSnapshotAsync();
            await store.UpsertAsync([Point(Product("later"), Axis(1), Axis(1)), Point(Product("kept", "after"), Axis(2), Axis(2))]);
        }

        await EmbeddedProductVectorStore.RestoreSnapshotAsync(Options, "shop", snapshot);

        await using EmbeddedProductVectorStore restored = await EmbeddedProductVectorStore.OpenAsync(Options, "shop");
        Assert.Equal(Path.Combine(_directory.Path, "snapshots", "shop"), Path.GetDirectoryName(snapshot));
        Assert.Equal(1, await restored.CountAsync());
        Assert.Equal("before", (await restored.GetAsync("kept"))!.Product.Title);
        Assert.Null(await restored.GetAsync("later"));
        IReadOnlyList<SearchHit> hits = await restored.SearchAsync(new VectorQuery { Using = CollectionSchema.ImageVector, Vector = Axis(0), Limit = 5 });
        Assert.Equal(1f, Assert.Single(hits).Score, 1e-6f);
    }

    [Fact]
    public async Task RestoreSnapshot_Throws_WhileTheCollectionIsOpen()
    {
        await using EmbeddedProductVectorStore store = await EmbeddedProductVectorStore.OpenAsync(Options, "busy");
        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(Dimension));
        string snapshot = await store.CreateSnapshotAsync();

        VectorStoreException error = await Assert.ThrowsAsync<VectorStoreException>(
            () => EmbeddedProductVectorStore.RestoreSnapshotAsync(Options, "busy", snapshot));

        Assert.Equal("restore snapshot", error.Operation);
    }

    [Fact]
    public async Task RestoreSnapshot_LeavesTheCollectionAlone_WhenTheFileIsNotASnapshot()
    {
        await using (EmbeddedProductVectorStore store = await EmbeddedProductVectorStore.OpenAsync(Options, "intact"))
        {
            await store.EnsureCollectionAsync(CollectionSchema.ForProducts(Dimension));
            await store.UpsertAsync([Point(Product("p"), Axis(0), Axis(0))]);
        }

        string notASnapshot = Path.Combine(_directory.Path, "notes.txt");
        await File.WriteAllTextAsync(notASnapshot, "this is not a database, just some text that is long enough to have a header");

        await Assert.ThrowsAsync<VectorStoreException>(() => EmbeddedProductVectorStore.RestoreSnapshotAsync(Options, "intact", notASnapshot));

        await using EmbeddedProductVectorStore reopened = await EmbeddedProductVectorStore.OpenAsync(Options, "intact");
        Assert.Equal(1, await reopened.CountAsync());
    }
}
