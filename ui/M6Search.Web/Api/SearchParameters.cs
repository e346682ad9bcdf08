using M6Search.Search.Searching;

namespace M6Search.Web.Api;

/// <summary>The query-string parameters shared by the search endpoints.</summary>
public sealed class SearchParameters
{
    /// <summary>Results wanted, 1 to 100 (default 20).</summary>
    public int? K { get; init; }

    /// <summary>Results skipped, for paging (default 0).</summary>
    public int? Offset { get; init; }

    public string? Category { get; init; }

    public string? Merchant { get; init; }

    public double? MinPrice { get; init; }

    public double? MaxPrice { get; init; }

    /// <summary><c>relevance</c> (default), <c>price_asc</c> or <c>price_desc</c>.</summary>
    public string? Sort { get; init; }

    /// <summary><c>true</c>: each result carries its match details ("why it matched"; costs more store searches). Default false.</summary>
    public bool? Details { get; init; }

    public SearchFilters ToFilters() => new() { Category = Category, Merchant = Merchant, MinPrice = MinPrice, MaxPrice = MaxPrice };

    /// <summary>The sort order; throws <see cref="SearchValidationException"/> naming <c>sort</c> for an unknown value.</summary>
    public SearchSort ParseSort() => (Sort ?? "relevance").Trim().ToLowerInvariant() switch
    {
        "relevance" or "" => SearchSort.Relevance,
        "price_asc" => SearchSort.PriceAscending,
        "price_desc" => SearchSort.PriceDescending,
        _ => throw new SearchValidationException("sort", $"sort must be relevance, price_asc or price_desc, not '{Sort}'."),
    };
}
