namespace M6Search.Search.Searching;

/// <summary>A text search: what the shopper typed, filters, order and the page wanted.</summary>
public sealed record SearchQuery
{
    public required string Text { get; init; }

    public SearchFilters Filters { get; init; } = new();

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>Results wanted (1 to <see cref="ProductSearchOptions.MaxResults"/>).</summary>
    public int Limit { get; init; } = 20;

    /// <summary>Results skipped (paging).</summary>
    public int Offset { get; init; }

    /// <summary>The channels to fuse: all of them for shoppers; one alone to measure it (<c>m6 eval</c>).</summary>
    public SearchChannels Channels { get; init; } = SearchChannels.All;

    /// <summary>
    /// Compute per-result match details (per-channel ranks, image against title, missing words). Off unless asked for:
    /// they cost one more store search per channel (the search page asks for them for the page it shows; the API when
    /// a client sends <c>details=true</c>).
    /// </summary>
    public bool IncludeMatchDetails { get; init; }
}
