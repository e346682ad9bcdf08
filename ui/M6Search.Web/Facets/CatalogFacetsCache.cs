using M6Search.Stores.Abstractions;

namespace M6Search.Web.Facets;

/// <summary>
/// Collects the distinct categories and merchants for the filter menus by scrolling the store (at most
/// <see cref="MaxScanned"/> products) and keeps them until the product count changes or <see cref="Invalidate"/> is
/// called (an indexing job can change categories without changing the count). A singleton.
/// </summary>
public sealed class CatalogFacetsCache
{
    /// <summary>Products read at most; a larger catalog shows the facets of its first products.</summary>
    public const int MaxScanned = 50_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _cached;

    /// <summary>Forgets the cached facets, so the next <see cref="GetAsync"/> reads the store again.</summary>
    public void Invalidate() => _cached = null;

    public async Task<CatalogFacets> GetAsync(IProductVectorStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        long count = await store.CountAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (_cached is { } cached && cached.Count == count)
        {
            return cached.Facets;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var categories = new SortedSet<string>(StringComparer.Ordinal);
            var merchants = new SortedSet<string>(StringComparer.Ordinal);
            string? offset = null;
            int scanned = 0;
            do
            {
                ScrollPage page = await store.ScrollAsync(new ScrollRequest { Limit = 1000, Offset = offset }, cancellationToken).ConfigureAwait(false);
                foreach (ProductPoint point in page.Points)
                {
                    if (!string.IsNullOrWhiteSpace(point.Product.Category))
                    {
                        categories.Add(point.Product.Category);
                    }

                    if (!string.IsNullOrWhiteSpace(point.Product.Merchant))
                    {
                        merchants.Add(point.Product.Merchant);
                    }
                }

                scanned += page.Points.Count;
                offset = page.NextOffset;
            }
            while (offset is not null && scanned < MaxScanned);

            var facets = new CatalogFacets([.. categories], [.. merchants]);
            _cached = new Snapshot(count, facets);
            return facets;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The facets and the product count they were read at (one reference, so readers never see half of it).</summary>
    private sealed record Snapshot(long Count, CatalogFacets Facets);
}
