using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace M6Search.Relevance.Export;

/// <summary>
/// Writes CSV that a spreadsheet opens as text, never as formulas: product titles and shopper queries are written by
/// others, so any cell starting with =, +, -, @, tab or carriage return gets a leading apostrophe (and is quoted),
/// CsvHelper's <see cref="InjectionOptions.Escape"/>. Fields with commas, quotes or line breaks are quoted (RFC 4180).
/// </summary>
public static class SafeCsvWriter
{
    /// <summary>The characters that make a spreadsheet read a cell as a formula.</summary>
    public static IReadOnlyList<char> InjectionCharacters { get; } = ['=', '+', '-', '@', '\t', '\r'];

    public static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = [.. InjectionCharacters],
        InjectionEscapeCharacter = '\'',
        NewLine = "\r\n",

        // CsvHelper quotes only the configured new line; a bare \n inside a title must be quoted too.
        ShouldQuote = args => NeedsQuotes(args.Field),
    };

    /// <summary>True when a cell must be quoted: it holds a delimiter, a quote or a line break, or has edge spaces.</summary>
    public static bool NeedsQuotes(string? field) =>
        !string.IsNullOrEmpty(field)
        && (field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]));

    /// <summary>Writes a header row and one row per record (public properties, in declaration order).</summary>
    public static async Task WriteAsync<T>(TextWriter writer, IEnumerable<T> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            csv.WriteHeader<T>();
            await csv.NextRecordAsync().ConfigureAwait(false);
            foreach (T row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                csv.WriteRecord(row);
                await csv.NextRecordAsync().ConfigureAwait(false);
            }

            await csv.FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The whole CSV as a string (small exports).</summary>
    public static async Task<string> ToStringAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken = default)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await WriteAsync(writer, rows, cancellationToken).ConfigureAwait(false);
        return writer.ToString();
    }
}
