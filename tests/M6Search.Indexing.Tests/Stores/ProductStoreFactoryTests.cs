using M6Search.Indexing.Stores;
using M6Search.Indexing.Tests.Support;
using M6Search.Stores.Embedded;
using M6Search.Stores.Qdrant;

namespace M6Search.Indexing.Tests.Stores;

public sealed class ProductStoreFactoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task OpenAsync_OpensTheEmbeddedCollection_InTheNamedFolder()
    {
        await using OpenedStore opened = await ProductStoreFactory.OpenAsync(StoreSpec.Parse("embedded:" + _temp.Path), "shoes");

        EmbeddedProductVectorStore store = Assert.IsType<EmbeddedProductVectorStore>(opened.Store);
        Assert.Equal("shoes", store.Collection);
        Assert.StartsWith(_temp.Path, store.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_ConnectsAQdrantStore_ToTheCollection_WithoutContactingTheServer()
    {
        await using OpenedStore opened = await ProductStoreFactory.OpenAsync(StoreSpec.Parse("qdrant:http://127.0.0.1:1"), "items");

        Assert.IsType<QdrantProductStore>(opened.Store);
        Assert.Equal("items", opened.Store.Collection);
    }
}
