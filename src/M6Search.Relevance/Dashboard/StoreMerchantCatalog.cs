using M6Search.Catalog.Products;
using M6Search.Stores.Abstractions;

namespace M6Search.Relevance.Dashboard;

/// <summary>Reads a merchant's products from the vector store with a merchant filter, page by page.</summary>
public sealed class StoreMerchantCatalog : IMerchantCatalog
{
    private const int PageSize = 256;
    private readonly IProductVectorStore _store;

    public StoreMerchantCatalog(IProductVectorStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    public async Task<IReadOnlyList<Product>> ProductsOfAsync(string merchantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantId);
        var products = new List<Product>();
        string? offset = null;
        do
        {
            ScrollPage page = await _store.ScrollAsync(
                new ScrollRequest { Filter = new ProductFilter { Merchants = [merchantId] }, Limit = PageSize, Offset = offset },
                cancellationToken).ConfigureAwait(false);
            products.AddRange(page.Points.Select(p => p.Product).Where(p => p.Merchant == merchantId));
            offset = page.NextOffset;
        }
        while (offset is not null);

        return products;
    }

    public async Task<float[]?> ImageVectorAsync(string productId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        ProductPoint? point = await _store.GetAsync(productId, withVectors: true, cancellationToken).ConfigureAwait(false);
        return point is not null && point.Vectors.TryGetValue(CollectionSchema.ImageVector, out float[]? vector) ? vector : null;
    }
}
