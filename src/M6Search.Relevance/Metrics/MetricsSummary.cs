namespace M6Search.Relevance.Metrics;

/// <summary>A merchant's metrics over a query set (definitions on <see cref="MerchantMetrics"/>).</summary>
public sealed record MetricsSummary
{
    /// <summary>Queries with at least one relevant product of the merchant (the ones averaged).</summary>
    public required int JudgedQueries { get; init; }

    /// <summary>Mean nDCG@10 over <see cref="JudgedQueries"/>; null when there are none.</summary>
    public required double? MeanNdcg { get; init; }

    public required int HiddenTraitProducts { get; init; }

    public required int HiddenTraitFound { get; init; }

    /// <summary>Found / hidden-trait products pooled over all queries; null when there are none.</summary>
    public double? HiddenTraitRecall => HiddenTraitProducts == 0 ? null : (double)HiddenTraitFound / HiddenTraitProducts;

    public static MetricsSummary Of(IReadOnlyCollection<MerchantQueryMetrics> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var judged = queries.Where(q => q.RelevantProducts > 0).ToList();
        return new MetricsSummary
        {
            JudgedQueries = judged.Count,
            MeanNdcg = judged.Count == 0 ? null : judged.Average(q => q.Ndcg),
            HiddenTraitProducts = queries.Sum(q => q.HiddenTraitProducts),
            HiddenTraitFound = queries.Sum(q => q.HiddenTraitFound),
        };
    }
}
