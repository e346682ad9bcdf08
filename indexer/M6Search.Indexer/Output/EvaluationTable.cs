using System.Globalization;
using M6Search.Evaluation;
using M6Search.Evaluation.Reports;
using Spectre.Console;

namespace M6Search.Indexer.Output;

/// <summary>Renders an <see cref="EvaluationReport"/> as a console table, a legend and the baseline comparisons.</summary>
public static class EvaluationTable
{
    public static Table Create(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("mode");
        table.AddColumn("lang");
        foreach (string header in new[]
                 {
                     "queries", $"nDCG@{report.K}", $"P@{report.K}", $"R@{report.RecallDepth}", "MRR",
                     $"HTR@{report.RecallDepth}", "HT found",
                 })
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)).RightAligned());
        }

        RetrievalMode? previous = null;
        foreach (MetricsRow row in report.Rows)
        {
            if (previous is not null && previous != row.Mode)
            {
                table.AddEmptyRow();
            }

            previous = row.Mode;
            table.AddRow(
                Markup.Escape(RetrievalModes.Name(row.Mode)),
                Markup.Escape(row.Lang),
                Count(row.Queries),
                Value(row.Ndcg),
                Value(row.Precision),
                Value(row.Recall),
                Value(row.Mrr),
                Value(row.HiddenTraitRecall),
                $"{Count(row.HiddenTraitFound)}/{Count(row.HiddenTraitProducts)}");
        }

        return table;
    }

    /// <summary>Skipped products listed one per line under the table; the rest are counted (all are in the JSON report).</summary>
    public const int SkippedListed = 20;

    /// <summary>
    /// The lines printed under the table: the search settings, the products the index lacks, what HT means, skipped
    /// queries, and one line per comparison.
    /// </summary>
    public static IReadOnlyList<string> Notes(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var notes = new List<string>();
        if (report.Search is { } search)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"search: the app's search service, {search.PrefetchLimit} candidates per channel, RRF k = {search.RrfK}, " +
                $"weights image={search.FusionWeights.Image},text={search.FusionWeights.Text},lexical={search.FusionWeights.Lexical}."));
        }

        if (report.SkippedProducts > 0)
        {
            notes.Add($"{Count(report.SkippedProducts)} of {Count(report.Products)} products were not indexed (the search modes cannot find them; they still count in the judgments):");
            notes.AddRange(report.Skipped.Take(SkippedListed).Select(s =>
                $"  line {Count(s.Line)}, product {s.ProductId ?? "(no id)"}{(s.Image is null ? "" : $", image {s.Image}")}: {s.Kind}: {s.Reason}"));
            if (report.SkippedProducts > SkippedListed)
            {
                notes.Add($"  ... and {Count(report.SkippedProducts - SkippedListed)} more (all in the --json report).");
            }
        }

        notes.Add(
            $"HT = hidden trait: relevant products whose titles name none of the query's traits. HTR@{report.RecallDepth}: " +
            "their recall, averaged over the queries that have some; HT found: found / all, summed over queries.");
        int skipped = report.Rows
            .Where(r => r.Lang == MetricsRow.AllLanguages)
            .Select(r => r.SkippedQueries)
            .FirstOrDefault();
        if (skipped > 0)
        {
            notes.Add($"{Count(skipped)} of {Count(report.Queries)} queries have no relevant product and are left out of the averages.");
        }

        notes.AddRange(report.Comparisons.Select(c => c.Describe(report.RecallDepth)));
        return notes;
    }

    /// <summary>Writes the table, then <see cref="Notes"/>.</summary>
    public static void Write(IAnsiConsole console, EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Write(Create(report));
        foreach (string note in Notes(report))
        {
            console.WriteLine(note);
        }
    }

    private static string Value(double? value) =>
        value is double v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
