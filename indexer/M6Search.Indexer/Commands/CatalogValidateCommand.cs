using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using M6Search.Catalog.Reading;
using M6Search.Catalog.Validation;

namespace M6Search.Indexer.Commands;

/// <summary>
/// <c>m6 catalog validate FILE [--max-issues N] [--json] [--format auto|jsonl|csv]</c>: reads a catalog in one streaming
/// pass and prints each issue as <c>file:line: field 'x': message</c>, then a summary. Exit code 0 when no row has an
/// error (warnings allowed), 2 when some row is invalid; 1 when the file cannot be read at all.
/// </summary>
public static class CatalogValidateCommand
{
    public const int ExitClean = 0;
    public const int ExitInvalidRows = 2;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "The catalog: .jsonl/.ndjson/.json (JSON Lines) or .csv.",
        };
        var maxIssues = new Option<int>("--max-issues")
        {
            Description = "Print at most this many issues (all are still counted in the summary).",
            HelpName = "N",
            DefaultValueFactory = _ => 100,
        };
        maxIssues.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--max-issues must be 0 or more.");
            }
        });
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object (summary and issues) instead of text.",
        };
        var format = new Option<CatalogFormat>("--format")
        {
            Description = "The file format: auto (from the extension), jsonl or csv.",
            HelpName = "auto|jsonl|csv",
            DefaultValueFactory = _ => CatalogFormat.Auto,
            CustomParser = result => ParseFormat(result.Tokens.Count == 0 ? "auto" : result.Tokens[0].Value, result),
        };

        var command = new Command("validate", "Check a catalog file: every problem with its line and field, and a summary.")
        {
            file,
            maxIssues,
            json,
            format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string path = parse.GetValue(file)!.ToString();
            var options = new CatalogReadOptions { Format = parse.GetValue(format) };
            return await RunAsync(path, options, parse.GetValue(maxIssues), parse.GetValue(json), Console.Out, cancellationToken);
        });
        return command;
    }

    /// <summary>Validates <paramref name="path"/> and writes the report to <paramref name="output"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(
        string path,
        CatalogReadOptions options,
        int maxIssues,
        bool asJson,
        TextWriter output,
        CancellationToken cancellationToken = default)
    {
        // Text output shows issues as they are found, so that a long run on a large file shows progress.
        Action<CatalogIssue>? onIssue = null;
        int printed = 0;
        if (!asJson)
        {
            onIssue = issue =>
            {
                if (printed < maxIssues)
                {
                    output.WriteLine(issue.ToString());
                    printed++;
                }
            };
        }

        CatalogValidationReport report = await CatalogValidator.ValidateAsync(path, options, maxIssues, onIssue, cancellationToken);
        if (asJson)
        {
            WriteJson(report, output);
        }
        else
        {
            WriteText(report, output);
        }

        return report.IsClean ? ExitClean : ExitInvalidRows;
    }

    private static void WriteText(CatalogValidationReport report, TextWriter output)
    {
        if (report.IssuesOmitted > 0)
        {
            output.WriteLine($"... {report.IssuesOmitted} more issues not shown (raise --max-issues to see them)");
        }

        output.WriteLine($"{report.File}: {report.Summary}");
        if (report.Summary.IssuesByField.Count > 0)
        {
            string byField = string.Join(", ", report.Summary.IssuesByField
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => $"{pair.Key} {pair.Value}"));
            output.WriteLine($"issues by field: {byField}");
        }
    }

    private static void WriteJson(CatalogValidationReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            CatalogSummary summary = report.Summary;
            writer.WriteStartObject();
            writer.WriteString("file", report.File);
            writer.WriteBoolean("clean", report.IsClean);
            writer.WriteNumber("rowsRead", summary.RowsRead);
            writer.WriteNumber("validRows", summary.ValidRows);
            writer.WriteNumber("invalidRows", summary.InvalidRows);
            writer.WriteNumber("duplicateIds", summary.DuplicateIds);
            writer.WriteNumber("errors", summary.Errors);
            writer.WriteNumber("warnings", summary.Warnings);
            writer.WriteStartObject("issuesByField");
            foreach (var pair in summary.IssuesByField.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteNumber(pair.Key, pair.Value);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("issues");
            foreach (CatalogIssue issue in report.Issues)
            {
                writer.WriteStartObject();
                writer.WriteString("file", issue.File);
                writer.WriteNumber("line", issue.Line);
                WriteStringOrNull(writer, "field", issue.Field);
                WriteStringOrNull(writer, "id", issue.ProductId);
                writer.WriteString("severity", issue.Severity == IssueSeverity.Error ? "error" : "warning");
                writer.WriteString("message", issue.Message);
                writer.WriteString("text", issue.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("issuesOmitted", report.IssuesOmitted);
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static CatalogFormat ParseFormat(string value, System.CommandLine.Parsing.ArgumentResult result)
    {
        switch (value.ToLowerInvariant())
        {
            case "auto":
                return CatalogFormat.Auto;
            case "jsonl" or "ndjson" or "json":
                return CatalogFormat.JsonLines;
            case "csv":
                return CatalogFormat.Csv;
            default:
                result.AddError($"--format must be auto, jsonl or csv, not '{value}'.");
                return CatalogFormat.Auto;
        }
    }
}
