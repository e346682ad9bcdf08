
namespace M6Search.Web.Facets;

/// <summary>The categories and merchants a shopper can filter by.</summary>
public sealed record CatalogFacets(IReadOnlyList<string> Categories, IReadOnlyList<string> Merchants)
{
    public static CatalogFacets Empty { get; } = new([], []);
}
