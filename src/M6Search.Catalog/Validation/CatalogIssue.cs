using System.Text;

namespace M6Search.Catalog.Validation;

/// <summary>
/// One problem found in a catalog, query or pair file, pinned to the file, the 1-based line and the field, so that
/// a person can open the file and fix it.
/// </summary>
/// <param name="File">The file as it was named to the reader (the path given, or the name given with a stream).</param>
/// <param name="Line">1-based line where the row starts; 0 when the issue is about the whole file.</param>
/// <param name="Field">The field (or CSV column) at fault, such as <c>price</c> or <c>attributes.color</c>; null when
/// the row as a whole is at fault (malformed JSON before any field, an over-long line).</param>
/// <param name="ProductId">The id of the row when it could be read: a product id (a query id in queries.jsonl, see
/// <see cref="IdKind"/>).</param>
/// <param name="Message">What is wrong, with the offending value where that helps.</param>
/// <param name="Severity">Errors make the row invalid; warnings do not.</param>
public sealed record CatalogIssue(
    string File,
    int Line,
    string? Field,
    string? ProductId,
    string Message,
    IssueSeverity Severity = IssueSeverity.Error)
{
    /// <summary>What <see cref="ProductId"/> identifies, as printed: "product", or "query" for queries.jsonl.</summary>
    public string IdKind { get; init; } = "product";

    /// <summary>
    /// Compiler style: <c>catalog.jsonl:17: field 'price': expected a number, got string "abc" (product p-17)</c>;
    /// warnings read <c>catalog.jsonl:17: warning: field 'image': ...</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(File.Length + Message.Length + 48);
        text.Append(File);
        if (Line > 0)
        {
            text.Append(':').Append(Line);
        }

        text.Append(": ");
        if (Severity == IssueSeverity.Warning)
        {
            text.Append("warning: ");
        }

        if (Field is not null)
        {
            text.Append("field '").Append(Field).Append("': ");
        }

        text.Append(Message);
        if (ProductId is not null)
        {
            text.Append(" (").Append(IdKind).Append(' ').Append(ProductId).Append(')');
        }

        return text.ToString();
    }
}
