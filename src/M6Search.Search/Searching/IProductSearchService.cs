using M6Search.Catalog.Products;
using M6Search.Search.Results;

namespace M6Search.Search.Searching;

/// <summary>Shopper search over the product store: by text, by photo, "more like this", and product lookup.</summary>
public interface IProductSearchService
{
    /// <summary>Hybrid search: the query's embedding against image and title vectors, plus its words, fused by RRF.</summary>
    /// <exception cref="SearchValidationException">The query, page or filters are invalid.</exception>
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>A photo's embedding against the image and title vectors, fused by RRF.</summary>
    /// <param name="chw">The preprocessed photo: 3 x ImageSize x ImageSize floats, channel-major.</param>
    /// <param name="includeMatchDetails">Compute each result's match details (two more store searches).</param>
    Task<SearchResults> SearchByImageAsync(
        float[] chw, int limit, int offset, SearchFilters filters, bool includeMatchDetails, CancellationToken cancellationToken = default);

    /// <summary>Products whose images look like this product's; null when the product does not exist.</summary>
    Task<SearchResults?> MoreLikeThisAsync(string productId, int limit, SearchFilters filters, CancellationToken cancellationToken = default);

    /// <summary>The stored product, or null.</summary>
    Task<Product?> GetProductAsync(string productId, CancellationToken cancellationToken = default);

    /// <summary>Side of the square images <see cref="SearchByImageAsync"/> expects.</summary>
    int ImageSize { get; }
}
