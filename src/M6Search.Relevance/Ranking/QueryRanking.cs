namespace M6Search.Relevance.Ranking;

/// <summary>The full ranking of a query (all merchants, to the analysis depth) and where the merchant's products are in it.</summary>
public sealed record QueryRanking
{
    public required DashboardQuery Query { get; init; }

    /// <summary>Product ids of every merchant, best first.</summary>
    public required IReadOnlyList<string> Ranking { get; init; }

    /// <summary>The merchant's products within the ranking, best first.</summary>
    public required IReadOnlyList<MerchantHit> Hits { get; init; }

    /// <summary>The merchant's best rank, or null when none of its products is ranked.</summary>
    public int? BestRank => Hits.Count == 0 ? null : Hits[0].Rank;
}
