using System.Text;
using System.Text.Json;
using M6Search.Evaluation.Metrics;

namespace M6Search.Evaluation.Reports;

/// <summary>
/// Writes <see cref="EvaluationReport.PerQuery"/> as JSON Lines, one object per query and mode (camelCase, the mode
/// by its lower-case name, <c>hiddenTraitRecall</c> null when the query has no hidden-trait product), so that a
/// failure can be traced to the queries behind an average.
/// </summary>
public static class PerQueryJsonLines
{
    private static readonly JsonSerializerOptions LineOptions = new(EvaluationReportJson.Options) { WriteIndented = false };

    /// <summary>One line per query and mode, in the report's order.</summary>
    public static IEnumerable<string> Lines(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.PerQuery.Select(Line);
    }

    /// <summary>Writes the lines to <paramref name="path"/> (UTF-8, no byte-order mark), creating its folder.</summary>
    public static async Task WriteAsync(EvaluationReport report, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllLinesAsync(path, Lines(report), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    private static string Line(QueryMetrics metrics) => JsonSerializer.Serialize(
        new
        {
            metrics.QueryId,
            metrics.Lang,
            Mode = RetrievalModes.Name(metrics.Mode),
            metrics.RelevantProducts,
            metrics.Ndcg,
            metrics.Precision,
            metrics.Recall,
            metrics.ReciprocalRank,
            metrics.HiddenTraitProducts,
            metrics.HiddenTraitFound,
            metrics.HiddenTraitRecall,
        },
        LineOptions);
}
