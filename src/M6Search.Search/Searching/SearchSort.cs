namespace M6Search.Search.Searching;

/// <summary>Result order.</summary>
public enum SearchSort
{
    /// <summary>Fused relevance, best first.</summary>
    Relevance,

    /// <summary>Cheapest first among the best relevance results; products without a price last.</summary>
    PriceAscending,

    /// <summary>Dearest first among the best relevance results; products without a price last.</summary>
    PriceDescending,
}
