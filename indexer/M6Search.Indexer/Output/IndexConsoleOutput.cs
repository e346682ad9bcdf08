using System.Globalization;
using M6Search.Indexing.Jobs;
using Spectre.Console;

namespace M6Search.Indexer.Output;

/// <summary>What <c>m6 index</c> prints: progress lines (when stdout is not a terminal) and the final report.</summary>
public static class IndexConsoleOutput
{
    /// <summary>One plain progress line.</summary>
    public static string Line(IndexProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        IndexCounts c = progress.Counts;
        string total = progress.TotalRows is long rows ? "/" + rows.ToString(CultureInfo.InvariantCulture) : string.Empty;
        string eta = progress.EtaSeconds is double seconds ? $", ETA {FormatSeconds(seconds)}" : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Phase(progress.Phase)}: {c.Read}{total} rows read, {c.Indexed} indexed, {c.Unchanged} unchanged, {c.Rejected} rejected, {c.Deleted} deleted, {progress.RowsPerSecond:F1} rows/s{eta}");
    }

    /// <summary>Spectre description of a progress event (phase, rate, counts).</summary>
    public static string Description(IndexProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        IndexCounts c = progress.Counts;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Phase(progress.Phase),-9} {progress.RowsPerSecond,7:F1} rows/s  [green]{c.Indexed}[/] indexed  {c.Unchanged} unchanged  [red]{c.Rejected}[/] rejected");
    }

    public static string Phase(IndexPhase phase) => phase switch
    {
        IndexPhase.Starting => "starting",
        IndexPhase.LoadingExisting => "loading",
        IndexPhase.Indexing => "indexing",
        IndexPhase.Deleting => "deleting",
        _ => "finished",
    };

    /// <summary>The final report as a table.</summary>
    public static void WriteReport(IAnsiConsole console, IndexJobReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        IndexCounts c = report.Counts;
        var table = new Table().Border(TableBorder.Simple).AddColumn("").AddColumn(new TableColumn("").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
        string Seconds(double value) => value.ToString("F2", CultureInfo.InvariantCulture) + " s";
        Row("status", report.Status.ToString());
        Row("shard", report.Shard);
        Row("rows read", Count(c.Read));
        Row("other shards", Count(c.OtherShard));
        Row("indexed", Count(c.Indexed));
        Row("  encoded", Count(c.Encoded));
        Row("  payload only", Count(c.PayloadOnly));
        Row("unchanged", Count(c.Unchanged));
        Row("rejected", Count(c.Rejected));
        Row("deleted", Count(c.Deleted));
        Row("time", Seconds(report.ElapsedSeconds));
        Row("products/s", report.ProductsPerSecond.ToString("F1", CultureInfo.InvariantCulture));
        Row("encoded/s", report.EncodedPerSecond.ToString("F1", CultureInfo.InvariantCulture));
        StageTimes s = report.Stages;
        Row("stage: load existing", Seconds(s.LoadExisting));
        Row("stage: read rows", Seconds(s.Read));
        Row("stage: read images + hash (all threads)", Seconds(s.ImageRead));
        Row("stage: decode images (all threads)", Seconds(s.Decode));
        Row("stage: encode titles", Seconds(s.EncodeText));
        Row("stage: encode images", Seconds(s.EncodeImage));
        Row("stage: lexical vectors", Seconds(s.Lexical));
        Row("stage: upsert", Seconds(s.Upsert));
        Row("stage: delete", Seconds(s.Delete));
        console.Write(table);
        if (report.Message is not null)
        {
            console.MarkupLine(Markup.Escape(report.Message));
        }

        console.MarkupLine(Markup.Escape($"error report: {report.ErrorReportPath}"));
        console.MarkupLine(Markup.Escape($"report: {report.ReportPath}"));
    }

    private static string FormatSeconds(double seconds) =>
        TimeSpan.FromSeconds(Math.Round(seconds)).ToString(seconds >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
}
