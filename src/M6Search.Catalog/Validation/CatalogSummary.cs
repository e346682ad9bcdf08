using System.Globalization;
using M6Search.Catalog.Reading;

namespace M6Search.Catalog.Validation;

/// <summary>
/// Running totals over the rows of one file: rows read, valid, invalid, duplicate ids, and issues by field. Add each
/// record as it streams by; nothing but the counts is kept.
/// </summary>
public sealed class CatalogSummary
{
    /// <summary>The key in <see cref="IssuesByField"/> for issues about a whole row rather than one field.</summary>
    public const string RowKey = "(row)";

    private readonly Dictionary<string, long> _issuesByField = new(StringComparer.Ordinal);

    /// <summary>Non-blank rows read (for a CSV file, the header problems count as a row).</summary>
    public long RowsRead { get; private set; }

    public long ValidRows { get; private set; }

    public long InvalidRows { get; private set; }

    /// <summary>Rows refused because their id was used by an earlier row.</summary>
    public long DuplicateIds { get; private set; }

    public long Errors { get; private set; }

    public long Warnings { get; private set; }

    /// <summary>
    /// Issue counts by top-level field (<c>attributes.color</c> counts under <c>attributes</c>, <c>traits[2]</c> under
    /// <c>traits</c>); issues about a whole row count under <see cref="RowKey"/>.
    /// </summary>
    public IReadOnlyDictionary<string, long> IssuesByField => _issuesByField;

    /// <summary>No row had an error (warnings allowed).</summary>
    public bool IsClean => Errors == 0;

    public void Add(CatalogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Add(record.IsValid, record.IsDuplicate, record.Issues);
    }

    public void Add<T>(JsonLinesRecord<T> record)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(record);
        Add(record.IsValid, record.IsDuplicate, record.Issues);
    }

    /// <summary>One line: <c>1000 rows: 998 valid, 2 invalid (1 duplicate id); 3 errors, 1 warning</c>.</summary>
    public override string ToString()
    {
        var culture = CultureInfo.InvariantCulture;
        string duplicates = DuplicateIds > 0 ? $" ({DuplicateIds.ToString(culture)} {Plural(DuplicateIds, "duplicate id")})" : string.Empty;
        return $"{RowsRead.ToString(culture)} {Plural(RowsRead, "row")}: {ValidRows.ToString(culture)} valid, {InvalidRows.ToString(culture)} invalid{duplicates}; "
            + $"{Errors.ToString(culture)} {Plural(Errors, "error")}, {Warnings.ToString(culture)} {Plural(Warnings, "warning")}";
    }

    private void Add(bool isValid, bool isDuplicate, IReadOnlyList<CatalogIssue> issues)
    {
        RowsRead++;
        if (isValid)
        {
            ValidRows++;
        }
        else
        {
            InvalidRows++;
        }

        if (isDuplicate)
        {
            DuplicateIds++;
        }

        foreach (CatalogIssue issue in issues)
        {
            if (issue.Severity == IssueSeverity.Error)
            {
                Errors++;
            }
            else
            {
                Warnings++;
            }

            string key = TopLevel(issue.Field);
            _issuesByField[key] = _issuesByField.GetValueOrDefault(key) + 1;
        }
    }

    private static string TopLevel(string? field)
    {
        if (field is null)
        {
            return RowKey;
        }

        int cut = field.AsSpan().IndexOfAny('.', '[');
        return cut > 0 ? field[..cut] : field;
    }

    private static string Plural(long count, string noun) => count == 1 ? noun : noun + "s";
}
