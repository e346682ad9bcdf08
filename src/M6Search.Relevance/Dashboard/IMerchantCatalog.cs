using M6Search.Catalog.Products;

namespace M6Search.Relevance.Dashboard;

/// <summary>A merchant's products as stored, and their image vectors.</summary>
public interface IMerchantCatalog
{
    /// <summary>Every stored product whose <c>merchant</c> field is <paramref name="merchantId"/>.</summary>
    Task<IReadOnlyList<Product>> ProductsOfAsync(string merchantId, CancellationToken cancellationToken = default);

    /// <summary>The stored image vector of a product, or null when the product or its image vector is missing.</summary>
    Task<float[]?> ImageVectorAsync(string productId, CancellationToken cancellationToken = default);
}
