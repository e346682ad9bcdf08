using System.Globalization;

namespace M6Search.Evaluation.Reports;

/// <summary>Hidden-trait recall of a model mode set against the title (BM25) baseline in one language row.</summary>
public sealed record HiddenTraitComparison
{
    public required RetrievalMode Mode { get; init; }

    /// <summary>Always <see cref="RetrievalMode.Title"/>: the baseline.</summary>
    public required RetrievalMode Baseline { get; init; }

    public required string Lang { get; init; }

    public required double HiddenTraitRecall { get; init; }

    public required double BaselineHiddenTraitRecall { get; init; }

    /// <summary>HiddenTraitRecall / BaselineHiddenTraitRecall; null when the baseline found none.</summary>
    public required double? Ratio { get; init; }

    /// <summary>A line such as <c>hidden-trait recall@100 (all): image 0.412 vs title 0.121 = 3.4x</c>.</summary>
    public string Describe(int recallDepth)
    {
        string ratio = Ratio is double r
            ? string.Create(CultureInfo.InvariantCulture, $"{r:0.0}x")
            : "the baseline found none";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"hidden-trait recall@{recallDepth} ({Lang}): {RetrievalModes.Name(Mode)} {HiddenTraitRecall:0.000} vs " +
            $"{RetrievalModes.Name(Baseline)} {BaselineHiddenTraitRecall:0.000} = {ratio}");
    }
}
