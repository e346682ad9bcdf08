namespace M6Search.Evaluation.Metrics;

/// <summary>The metrics of one query in one mode.</summary>
public sealed record QueryMetrics
{
    public required string QueryId { get; init; }

    /// <summary>The query's language, lower-cased.</summary>
    public required string Lang { get; init; }

    public required RetrievalMode Mode { get; init; }

    /// <summary>Judged products with grade at least 1; a query with none is left out of the averages.</summary>
    public required int RelevantProducts { get; init; }

    public required double Ndcg { get; init; }

    public required double Precision { get; init; }

    public required double Recall { get; init; }

    public required double ReciprocalRank { get; init; }

    /// <summary>Relevant products whose titles name none of the query's traits.</summary>
    public required int HiddenTraitProducts { get; init; }

    /// <summary>How many of those are within the recall depth.</summary>
    public required int HiddenTraitFound { get; init; }

    /// <summary>Found / hidden-trait products; null when the query has none.</summary>
    public double? HiddenTraitRecall => HiddenTraitProducts == 0 ? null : (double)HiddenTraitFound / HiddenTraitProducts;
}
