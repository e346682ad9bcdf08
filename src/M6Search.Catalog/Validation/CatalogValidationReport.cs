namespace M6Search.Catalog.Validation;

/// <summary>The outcome of checking a whole catalog file.</summary>
/// <param name="File">The file as named to the validator.</param>
/// <param name="Summary">Totals over every row.</param>
/// <param name="Issues">The first issues found, in file order, up to the requested maximum.</param>
/// <param name="IssuesOmitted">Issues found beyond that maximum (counted, not kept).</param>
public sealed record CatalogValidationReport(
    string File,
    CatalogSummary Summary,
    IReadOnlyList<CatalogIssue> Issues,
    long IssuesOmitted)
{
    /// <summary>No row had an error (warnings allowed).</summary>
    public bool IsClean => Summary.IsClean;
}
