using M6Search.Relevance.Judgments;
using M6Search.Relevance.Metrics;
using M6Search.Relevance.Ranking;

namespace M6Search.Relevance.Dashboard;

/// <summary>Everything the dashboard shows one merchant; built only from that merchant's products and judgments.</summary>
public sealed record MerchantDashboardReport
{
    public required string MerchantId { get; init; }

    /// <summary>Ranks searched per query.</summary>
    public required int Depth { get; init; }

    /// <summary>Each of the merchant's products and the queries that reach it.</summary>
    public required IReadOnlyList<ProductReach> Products { get; init; }

    /// <summary>Every analysed query with the merchant's products in its ranking.</summary>
    public required IReadOnlyList<QueryRanking> Rankings { get; init; }

    /// <summary>Per labeled query, metrics from the labeled set's grades.</summary>
    public required IReadOnlyList<MerchantQueryMetrics> LabelMetrics { get; init; }

    public required MetricsSummary LabelSummary { get; init; }

    /// <summary>Per judged query, metrics from the merchant's own judgments (relevant = grade 1).</summary>
    public required IReadOnlyList<MerchantQueryMetrics> JudgmentMetrics { get; init; }

    public required MetricsSummary JudgmentSummary { get; init; }

    public required IReadOnlyList<Judgment> Judgments { get; init; }

    /// <summary>Queries left out of this build, each with the reason; the others were ranked as usual.</summary>
    public IReadOnlyList<SkippedQuery> Skipped { get; init; } = [];
}
