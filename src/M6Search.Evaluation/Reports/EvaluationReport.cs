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

    /// <summary>The reciprocal-rank fusion constant of the hybrid mode.</summary>
    public required int RrfK { get; init; }

    /// <summary>How many products each ranking gave the fusion.</summary>
    public required int FusionDepth { get; init; }

    /// <summary>The weights of the image, text and title rankings in the hybrid fusion.</summary>
    public FusionWeights FusionWeights { get; init; } = FusionWeights.Equal;

    /// <summary>The encoder's version; null when only the title mode ran.</summary>
    public string? ModelVersion { get; init; }

    /// <summary>Products in the catalog.</summary>
    public required int Products { get; init; }

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
