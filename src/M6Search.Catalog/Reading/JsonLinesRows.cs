using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace M6Search.Catalog.Reading;

/// <summary>
/// The shared front half of every JSON Lines reader: splits the stream into lines, skips blank ones, and turns
/// over-long lines, invalid UTF-8, malformed JSON and non-object lines into row issues. Each JSON object is handed to
/// <c>parseObject</c> while its document is alive; nothing of a line is kept after its record is made.
/// </summary>
internal static class JsonLinesRows
{
    /// <summary>Opens <paramref name="path"/> as the catalog reader does and streams what <paramref name="read"/> makes of it.</summary>
    public static async IAsyncEnumerable<TRecord> ReadFileAsync<TRecord>(
        string path,
        Func<Stream, IAsyncEnumerable<TRecord>> read,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = CatalogReader.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (TRecord record in read(stream).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return record;
            }
        }
    }

    public static async IAsyncEnumerable<TRecord> ReadAsync<TRecord>(
        Stream stream,
        string file,
        int maxLineBytes,
        Func<int, JsonElement, TRecord> parseObject,
        Func<int, RowIssues, TRecord> invalidRow,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lines = new Utf8LineReader(stream, maxLineBytes);
        while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            int line = lines.LineNumber;
            if (lines.IsTooLong)
            {
                var issues = new RowIssues(file, line);
                issues.Error(null, $"the line is {lines.LineLength.ToString(CultureInfo.InvariantCulture)} bytes long; the limit is {maxLineBytes.ToString(CultureInfo.InvariantCulture)} bytes");
                yield return invalidRow(line, issues);
                continue;
            }

            if (IsBlank(lines.Line.Span))
            {
                continue;
            }

            if (line == 1 && (lines.Line.Span.StartsWith(new byte[] { 0xFF, 0xFE }) || lines.Line.Span.StartsWith(new byte[] { 0xFE, 0xFF })))
            {
                var issues = new RowIssues(file, line);
                issues.Error(null, "the file is UTF-16 (it starts with a UTF-16 byte order mark); JSON Lines files must be UTF-8");
                yield return invalidRow(line, issues);
                yield break;
            }

            TRecord record = ParseLine(file, line, lines.Line, parseObject, invalidRow);
            yield return record;
        }
    }

    private static TRecord ParseLine<TRecord>(
        string file,
        int line,
        ReadOnlyMemory<byte> bytes,
        Func<int, JsonElement, TRecord> parseObject,
        Func<int, RowIssues, TRecord> invalidRow)
    {
        int invalidAt = FindInvalidUtf8(bytes.Span);
        if (invalidAt >= 0)
        {
            var issues = new RowIssues(file, line);
            issues.Error(null, $"invalid UTF-8 at byte {(invalidAt + 1).ToString(CultureInfo.InvariantCulture)} of the line (byte 0x{bytes.Span[invalidAt].ToString("X2", CultureInfo.InvariantCulture)})");
            return invalidRow(line, issues);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            var issues = new RowIssues(file, line);
            long position = (ex.BytePositionInLine ?? 0) + 1;
            issues.Error(FieldAtError(bytes.Span), $"malformed JSON at byte {position.ToString(CultureInfo.InvariantCulture)} of the line: {TrimPosition(ex.Message)}");
            return invalidRow(line, issues);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                var issues = new RowIssues(file, line);
                issues.Error(null, $"expected a JSON object, got {JsonText.Describe(root)} (JSON Lines: one object per line)");
                return invalidRow(line, issues);
            }

            return parseObject(line, root);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t"u8) < 0;

    /// <summary>Index of the first byte of the first invalid UTF-8 sequence, or -1 when the line is valid.</summary>
    private static int FindInvalidUtf8(ReadOnlySpan<byte> line)
    {
        if (Utf8.IsValid(line))
        {
            return -1;
        }

        int index = 0;
        while (index < line.Length)
        {
            if (Rune.DecodeFromUtf8(line[index..], out _, out int consumed) != OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return -1;
    }

    /// <summary>The top-level field whose value was being read when the JSON broke, or null when it broke between fields.</summary>
    private static string? FieldAtError(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        string? field = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                        field = reader.GetString();
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray when reader.CurrentDepth == 1:
                    case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null
                        when reader.CurrentDepth == 1:
                        field = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return field;
        }

        return null;
    }

    /// <summary>Drops the " LineNumber: 0 | BytePositionInLine: 14." tail; the issue names the line and byte itself.</summary>
    private static string TrimPosition(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }
}
