using M6Search.Catalog.Products;
using M6Search.Relevance.Dashboard;

namespace M6Search.Relevance.Tests.Fakes;

internal sealed class FakeCatalog : IMerchantCatalog
{
    private readonly List<Product> _products = [];
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public FakeCatalog Add(Product product, float[]? imageVector = null)
    {
        _products.Add(product);
        if (imageVector is not null)
        {
            _vectors[product.Id] = imageVector;
        }

        return this;
    }

    public Task<IReadOnlyList<Product>> ProductsOfAsync(string merchantId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Product>>(_products.Where(p => p.Merchant == merchantId).ToList());

    public Task<float[]?> ImageVectorAsync(string productId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_vectors.GetValueOrDefault(productId));
}
