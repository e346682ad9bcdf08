using M6Search.Catalog.Products;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Reading;

/// <summary>One row of a catalog as read: where it is, the product when the row is valid, and what is wrong with it.</summary>
/// <param name="Line">1-based line where the row starts (a quoted CSV field can carry a row over several lines).</param>
/// <param name="Product">The product; null when the row has at least one error.</param>
/// <param name="Issues">Errors and warnings of this row; empty for a clean row.</param>
/// <param name="IsDuplicate">The row's id was already used by an earlier row (reported as an error on this row).</param>
public sealed record CatalogRecord(int Line, Product? Product, IReadOnlyList<CatalogIssue> Issues, bool IsDuplicate = false)
{
    /// <summary>The row has no errors and <see cref="Product"/> is set.</summary>
    public bool IsValid => Product is not null;
}
