using M6Search.Catalog.Products;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;
using M6Search.Web.Facets;

namespace M6Search.Web.Tests.Facets;

public sealed class CatalogFacetsCacheTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "m6-facets-" + Guid.NewGuid().ToString("N"));
    private EmbeddedProductVectorStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await EmbeddedProductVectorStore.OpenAsync(new EmbeddedStoreOptions { DataDirectory = _folder, DurableCommits = false }, "products");
        await _store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));
        await _store.UpsertAsync([Point("p1", "cup", "m01"), Point("p2", "vase", "m02")]);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Facets_list_the_distinct_categories_and_merchants_in_order()
    {
        CatalogFacets facets = await new CatalogFacetsCache().GetAsync(_store);

        Assert.Equal(["cup", "vase"], facets.Categories);
        Assert.Equal(["m01", "m02"], facets.Merchants);
    }

    [Fact]
    public async Task A_change_that_keeps_the_count_shows_only_after_invalidation()
    {
        var cache = new CatalogFacetsCache();
        await cache.GetAsync(_store);

        await _store.UpsertAsync([Point("p2", "lamp", "m03")]);
        CatalogFacets stale = await cache.GetAsync(_store);
        cache.Invalidate();
        CatalogFacets fresh = await cache.GetAsync(_store);

        Assert.Equal(["cup", "vase"], stale.Categories);
        Assert.Equal(["cup", "lamp"], fresh.Categories);
        Assert.Equal(["m01", "m03"], fresh.Merchants);
    }

    [Fact]
    public async Task A_new_product_count_refreshes_the_facets_by_itself()
    {
        var cache = new CatalogFacetsCache();
        await cache.GetAsync(_store);

        await _store.UpsertAsync([Point("p3", "bag", "m04")]);

        Assert.Equal(["bag", "cup", "vase"], (await cache.GetAsync(_store)).Categories);
    }

    private static ProductPoint Point(string id, string category, string merchant) => new()
    {
        Product = new Product { Id = id, Title = $"{category} {id}", Category = category, Merchant = merchant, Price = 10 },
        Vectors = new Dictionary<string, float[]>
        {
            [CollectionSchema.ImageVector] = [1, 0, 0, 0],
            [CollectionSchema.TextVector] = [0, 1, 0, 0],
        },
    };
}
