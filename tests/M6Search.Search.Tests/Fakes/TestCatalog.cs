using M6Search.Catalog.Products;
using M6Search.Stores.Lexical;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;

namespace M6Search.Search.Tests.Fakes;

/// <summary>An embedded store in a temp folder holding a few products with chosen image and title vectors.</summary>
internal sealed class TestCatalog : IAsyncDisposable
{
    private readonly string _folder;

    private TestCatalog(string folder, EmbeddedProductVectorStore store)
    {
        _folder = folder;
        Store = store;
    }

    public EmbeddedProductVectorStore Store { get; }

    /// <summary>
    /// p-bumpy: a bumpy cup whose title omits "bumpy" (image on the bumpy axis); p-smooth: a smooth cup titled so;
    /// p-plain: a cup with a plain title and a neutral image; p-vase: a bumpy vase, category vase.
    /// </summary>
    public static async Task<TestCatalog> CreateAsync()
    {
        string folder = Path.Combine(Path.GetTempPath(), "m6-search-tests-" + Guid.NewGuid().ToString("N"));
        EmbeddedProductVectorStore store = await EmbeddedProductVectorStore.OpenAsync(new EmbeddedStoreOptions { DataDirectory = folder, DurableCommits = false }, "products");
        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));
        await store.UpsertAsync(
        [
            Point("p-bumpy", "White Ceramic Coffee Cup", "cup", "m-a", 12, image: 0, titleAxis: 2),
            Point("p-smooth", "Smooth Coffee Cup", "cup", "m-b", 8, image: 1, titleAxis: 1),
            Point("p-plain", "Coffee Cup", "cup", "m-a", 20, image: 3, titleAxis: 2),
            Point("p-vase", "Green Vase", "vase", "m-b", 30, image: 0, titleAxis: 3),
        ]);
        return new TestCatalog(folder, store);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static ProductPoint Point(string id, string title, string category, string merchant, double price, int image, int titleAxis)
    {
        return new ProductPoint
        {
            Product = new Product { Id = id, Title = title, Category = category, Merchant = merchant, Price = price, Image = $"images/{id}.jpg" },
            Vectors = new Dictionary<string, float[]>
            {
                [CollectionSchema.ImageVector] = FakeEncoder.Axis(image),
                [CollectionSchema.TextVector] = FakeEncoder.Axis(titleAxis),
            },
            Lexical = LexicalVectorizer.Default.Document(title),
        };
    }
}
