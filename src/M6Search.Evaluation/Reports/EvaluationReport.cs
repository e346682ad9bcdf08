using System.Text.Json.Serialization;
using M6Search.Evaluation.Metrics;

namespace M6Search.Evaluation.Reports;

/// <summary>The result of an evaluation: mode x language rows and the hidden-trait comparisons with the baseline.</summary>
public sealed record EvaluationReport
{
    /// <summary>Cut-off of nDCG and precision.</summary>
    public required int K { get; init; }

    /// <summary>Cut-off of recall and hidden-trait recall.</summary>
    public required int RecallDepth { get; init; }

    /// <summary>The search service's settings for the search modes; null when only the title baseline ran.</summary>
    public SearchSettings? Search { get; init; }

    /// <summary>The encoder's version; null when only the title baseline ran.</summary>
    public string? ModelVersion { get; init; }

    /// <summary>Products in the catalog (indexed or not).</summary>
    public required int Products { get; init; }

    /// <summary>Catalog products the index does not hold (<see cref="Skipped"/>): the search modes cannot return them.</summary>
    public int SkippedProducts => Skipped.Count;

    /// <summary>Each product the indexing pipeline rejected, with why.</summary>
    public IReadOnlyList<SkippedProduct> Skipped { get; init; } = [];

    /// <summary>Labeled queries read (including those skipped for having no relevant product).</summary>
    public required int Queries { get; init; }

    /// <summary>For each mode, one row per language and one for <c>all</c>.</summary>
    public required IReadOnlyList<MetricsRow> Rows { get; init; }

    /// <summary>Image and hybrid hidden-trait recall against the title baseline, per language row.</summary>
    public required IReadOnlyList<HiddenTraitComparison> Comparisons { get; init; }

    /// <summary>Every query's metrics in every mode; kept in memory, not written to the JSON report.</summary>
    [JsonIgnore]
    public IReadOnlyList<QueryMetrics> PerQuery { get; init; } = [];
}
