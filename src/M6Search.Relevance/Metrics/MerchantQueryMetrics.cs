using M6Search.Relevance.Ranking;

namespace M6Search.Relevance.Metrics;

/// <summary>One query's relevance metrics for one merchant (definitions on <see cref="MerchantMetrics"/>).</summary>
public sealed record MerchantQueryMetrics
{
    public required string QueryText { get; init; }

    public required QuerySource Source { get; init; }

    /// <summary>The merchant's products judged relevant for the query; a query with none is left out of the averages.</summary>
    public required int RelevantProducts { get; init; }

    /// <summary>nDCG@10 of the shared ranking with only this merchant's products judged.</summary>
    public required double Ndcg { get; init; }

    /// <summary>The merchant's relevant products whose titles name none of the query's traits.</summary>
    public required int HiddenTraitProducts { get; init; }

    /// <summary>How many of those are within the ranking's depth.</summary>
    public required int HiddenTraitFound { get; init; }

    public double? HiddenTraitRecall => HiddenTraitProducts == 0 ? null : (double)HiddenTraitFound / HiddenTraitProducts;
}
