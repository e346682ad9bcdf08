using System.Threading.RateLimiting;
using M6Search.Catalog.Products;
using M6Search.Search.Results;
using M6Search.Search.Searching;

namespace M6Search.Web.RateLimiting;

/// <summary>
/// The search service behind <see cref="SearchAdmission"/>: every search (text, photo, more like this; the dashboard's
/// rankings too, as they go through the same service) holds a permit while it runs. Looking a product up does not.
/// </summary>
public sealed class AdmittedSearchService : IProductSearchService
{
    private readonly IProductSearchService _inner;
    private readonly SearchAdmission _admission;

    public AdmittedSearchService(IProductSearchService inner, SearchAdmission admission)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _admission = admission ?? throw new ArgumentNullException(nameof(admission));
    }

    public int ImageSize => _inner.ImageSize;

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        using RateLimitLease lease = await _admission.EnterAsync(cancellationToken).ConfigureAwait(false);
        return await _inner.SearchAsync(query, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SearchResults> SearchByImageAsync(
        float[] chw, int limit, int offset, SearchFilters filters, bool includeMatchDetails, CancellationToken cancellationToken = default)
    {
        using RateLimitLease lease = await _admission.EnterAsync(cancellationToken).ConfigureAwait(false);
        return await _inner.SearchByImageAsync(chw, limit, offset, filters, includeMatchDetails, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SearchResults?> MoreLikeThisAsync(string productId, int limit, SearchFilters filters, CancellationToken cancellationToken = default)
    {
        using RateLimitLease lease = await _admission.EnterAsync(cancellationToken).ConfigureAwait(false);
        return await _inner.MoreLikeThisAsync(productId, limit, filters, cancellationToken).ConfigureAwait(false);
    }

    public Task<Product?> GetProductAsync(string productId, CancellationToken cancellationToken = default) =>
        _inner.GetProductAsync(productId, cancellationToken);
}
