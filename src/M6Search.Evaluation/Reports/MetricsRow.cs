namespace M6Search.Evaluation.Reports;

/// <summary>
/// One mode in one language (or <c>all</c>): metrics macro-averaged over queries, that is each query counts once
/// however many products it judges.
/// </summary>
public sealed record MetricsRow
{
    /// <summary>The language key of the row for all languages together.</summary>
    public const string AllLanguages = "all";

    public required RetrievalMode Mode { get; init; }

    /// <summary>"en", "zh" or <see cref="AllLanguages"/>.</summary>
    public required string Lang { get; init; }

    /// <summary>Queries averaged: those with at least one relevant product.</summary>
    public required int Queries { get; init; }

    /// <summary>Queries left out because no product is relevant to them.</summary>
    public required int SkippedQueries { get; init; }

    /// <summary>Mean nDCG@k; null when <see cref="Queries"/> is 0.</summary>
    public required double? Ndcg { get; init; }

    /// <summary>Mean precision@k.</summary>
    public required double? Precision { get; init; }

    /// <summary>Mean recall at the recall depth.</summary>
    public required double? Recall { get; init; }

    /// <summary>Mean reciprocal rank of the first relevant product within the retrieval depth.</summary>
    public required double? Mrr { get; init; }

    /// <summary>Mean hidden-trait recall over the queries that have hidden-trait products; null when none has.</summary>
    public required double? HiddenTraitRecall { get; init; }

    /// <summary>Queries with at least one hidden-trait product (the ones <see cref="HiddenTraitRecall"/> averages).</summary>
    public required int HiddenTraitQueries { get; init; }

    /// <summary>Hidden-trait products summed over queries.</summary>
    public required int HiddenTraitProducts { get; init; }

    /// <summary>Hidden-trait products found within the recall depth, summed over queries.</summary>
    public required int HiddenTraitFound { get; init; }
}
