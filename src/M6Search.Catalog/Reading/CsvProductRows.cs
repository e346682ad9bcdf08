using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;
using M6Search.Catalog.Products;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Reading;

/// <summary>
/// Reads a CSV catalog: a header row naming the columns (the JSON field names), then one product per record.
/// Empty cells are absent values; <c>attributes</c> holds a JSON object; unknown columns go to <c>Product.Extra</c>
/// as strings. A header problem, invalid UTF-8 or an over-long field stops the read with one error (a CSV reader
/// cannot find the next row boundary reliably after those).
/// </summary>
internal sealed class CsvProductRows
{
    private readonly string _file;
    private readonly CatalogReadOptions _options;
    private readonly IdRegistry? _ids;
    private readonly List<string> _badData = new();
    private Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private string[] _header = Array.Empty<string>();

    private CsvProductRows(string file, CatalogReadOptions options, IdRegistry? ids)
    {
        _file = file;
        _options = options;
        _ids = ids;
    }

    public static IAsyncEnumerable<CatalogRecord> ReadAsync(
        Stream stream,
        string file,
        CatalogReadOptions options,
        IdRegistry? ids,
        CancellationToken cancellationToken = default) =>
        new CsvProductRows(file, options, ids).ReadRowsAsync(stream, cancellationToken);

    private async IAsyncEnumerable<CatalogRecord> ReadRowsAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var checkedStream = new Utf8CheckingStream(stream);
        using var text = new StreamReader(checkedStream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            IgnoreBlankLines = false,
            DetectColumnCountChanges = false,
            MaxFieldSize = _options.MaxLineBytes,
            BadDataFound = args => _badData.Add(args.Field),
        };
        using var parser = new CsvParser(text, configuration);
        bool haveHeader = false;
        int previousRawRow = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int line = previousRawRow + 1;
            _badData.Clear();
            bool more;
            CatalogIssue? fatal = null;
            try
            {
                more = await parser.ReadAsync().ConfigureAwait(false);
            }
            catch (MaxFieldSizeException)
            {
                more = false;
                fatal = new CatalogIssue(_file, line, null, null, $"a field is longer than {_options.MaxLineBytes.ToString(CultureInfo.InvariantCulture)} characters; reading stopped here");
            }
            catch (CsvHelperException ex)
            {
                more = false;
                fatal = new CatalogIssue(_file, line, null, null, $"unreadable CSV ({ex.GetType().Name}); reading stopped here");
            }

            if (checkedStream.Problem is { } problem && (fatal is not null || !more || parser.RawRow >= problem.Line))
            {
                // Rows that reach into the bad line are incomplete: report the encoding problem in their place.
                yield return new CatalogRecord(problem.Line, null, new[] { new CatalogIssue(_file, problem.Line, null, null, problem.Message) });
                yield break;
            }

            if (fatal is not null)
            {
                yield return new CatalogRecord(line, null, new[] { fatal });
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            previousRawRow = (int)parser.RawRow;
            string[] fields = parser.Record ?? Array.Empty<string>();
            if (fields.Length <= 1 && (fields.Length == 0 || string.IsNullOrWhiteSpace(fields[0])))
            {
                continue;
            }

            if (!haveHeader)
            {
                IReadOnlyList<CatalogIssue> headerIssues = ReadHeader(line, fields);
                if (headerIssues.Count > 0)
                {
                    yield return new CatalogRecord(line, null, headerIssues);
                    yield break;
                }

                haveHeader = true;
                continue;
            }

            yield return ParseRow(line, fields);
        }
    }

    private IReadOnlyList<CatalogIssue> ReadHeader(int line, string[] names)
    {
        var issues = new RowIssues(_file, line);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            string name = names[i];
            if (name.Length == 0)
            {
                issues.Error(null, $"column {(i + 1).ToString(CultureInfo.InvariantCulture)} of the header has no name");
            }
            else if (!columns.TryAdd(name, i))
            {
                issues.Error(name, "the header names this column twice");
            }
        }

        foreach (string required in new[] { ProductFields.Id, ProductFields.Title })
        {
            if (!columns.ContainsKey(required))
            {
                string? similar = columns.Keys.FirstOrDefault(k => string.Equals(k.Trim(), required, StringComparison.OrdinalIgnoreCase));
                issues.Error(required, similar is null
                    ? $"the CSV header has no '{required}' column (the first row must name the columns)"
                    : $"the CSV header has no '{required}' column (there is a column '{similar}'; names are case-sensitive)");
            }
        }

        _columns = columns;
        _header = names;
        return issues.Issues;
    }

    private CatalogRecord ParseRow(int line, string[] fields)
    {
        var issues = new RowIssues(_file, line);
        if (fields.Length != _header.Length)
        {
            issues.RowId = NonEmpty(Cell(fields, ProductFields.Id));
            issues.Error(null, $"the row has {fields.Length.ToString(CultureInfo.InvariantCulture)} fields; the header has {_header.Length.ToString(CultureInfo.InvariantCulture)}");
            return new CatalogRecord(line, null, issues.Issues);
        }

        string? id = Cell(fields, ProductFields.Id);
        if (string.IsNullOrEmpty(id))
        {
            issues.Error(ProductFields.Id, "is required but empty");
            id = null;
        }
        else
        {
            id = FieldRules.Id(ProductFields.Id, id, _options.MaxIdLength, issues);
        }

        issues.RowId = id;
        bool duplicate = false;
        if (id is not null && _ids is not null && !_ids.TryRegister(id, line, out int firstLine))
        {
            duplicate = true;
            issues.Error(ProductFields.Id, $"duplicate id {JsonText.Quote(id)}: first used on line {firstLine.ToString(CultureInfo.InvariantCulture)}");
        }

        string? title = Cell(fields, ProductFields.Title);
        if (string.IsNullOrEmpty(title))
        {
            issues.Error(ProductFields.Title, "is required but empty");
            title = null;
        }
        else
        {
            title = FieldRules.RequiredText(ProductFields.Title, title, _options.MaxTitleLength, issues);
        }

        string? image = NonEmpty(Cell(fields, ProductFields.Image));
        image = image is null ? null : FieldRules.Image(ProductFields.Image, image, issues, warnWhenEmpty: false);

        double? price = null;
        string? priceText = NonEmpty(Cell(fields, ProductFields.Price));
        if (priceText is not null)
        {
            if (double.TryParse(priceText, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
            {
                price = FieldRules.Price(ProductFields.Price, parsed, issues);
            }
            else
            {
                issues.Error(ProductFields.Price, "expected a number, got " + JsonText.Quote(priceText));
            }
        }

        string? currency = NonEmpty(Cell(fields, ProductFields.Currency));
        currency = currency is null ? null : FieldRules.Currency(ProductFields.Currency, currency, issues);
        string? lang = NonEmpty(Cell(fields, ProductFields.Lang));
        lang = lang is null ? null : FieldRules.Lang(ProductFields.Lang, lang, issues);
        JsonObject? attributes = ParseAttributes(NonEmpty(Cell(fields, ProductFields.Attributes)), issues);

        JsonObject? extra = null;
        for (int i = 0; i < fields.Length; i++)
        {
            if (!ProductFields.IsKnown(_header[i]) && fields[i].Length > 0)
            {
                extra ??= new JsonObject();
                extra[_header[i]] = fields[i];
            }
        }

        foreach (string badValue in _badData)
        {
            int column = Array.IndexOf(fields, badValue);
            issues.Error(column >= 0 ? _header[column] : null,
                $"a quote inside an unquoted value: {JsonText.Quote(badValue)} (quote the whole value and double the quotes inside it)");
        }

        if (issues.HasErrors)
        {
            return new CatalogRecord(line, null, issues.Issues, duplicate);
        }

        var product = new Product
        {
            Id = id!,
            Title = title!,
            Image = image,
            Price = price,
            Currency = currency,
            Category = NonEmpty(Cell(fields, ProductFields.Category)),
            Merchant = NonEmpty(Cell(fields, ProductFields.Merchant)),
            Lang = lang,
            Description = NonEmpty(Cell(fields, ProductFields.Description)),
            Attributes = attributes,
            Extra = extra,
        };
        return new CatalogRecord(line, product, issues.Issues);
    }

    private static JsonObject? ParseAttributes(string? text, RowIssues issues)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                issues.Error(ProductFields.Attributes, "expected a JSON object, got " + JsonText.Describe(document.RootElement));
                return null;
            }

            return JsonNodeCopier.CopyObject(document.RootElement, ProductFields.Attributes, issues);
        }
        catch (JsonException ex)
        {
            long position = (ex.BytePositionInLine ?? 0) + 1;
            issues.Error(ProductFields.Attributes, $"expected a JSON object, got malformed JSON (at byte {position.ToString(CultureInfo.InvariantCulture)} of the value): {JsonText.Quote(text)}");
            return null;
        }
    }

    private string? Cell(string[] fields, string column) =>
        _columns.TryGetValue(column, out int index) && index < fields.Length ? fields[index] : null;

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
