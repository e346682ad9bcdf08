namespace M6Search.Catalog.Validation;

/// <summary>
/// Thrown where a caller asked for valid data only (for example <c>CatalogReader.ReadProductsAsync</c>) and the file
/// broke the format. The message is the first issue in compiler style, so that it can be shown as is.
/// </summary>
public sealed class CatalogException : Exception
{
    public CatalogException(CatalogIssue issue)
        : this(new[] { issue })
    {
    }

    public CatalogException(IReadOnlyList<CatalogIssue> issues)
        : base(FormatMessage(issues))
    {
        Issues = issues;
    }

    /// <summary>Every issue that made the data unusable; at least one.</summary>
    public IReadOnlyList<CatalogIssue> Issues { get; }

    /// <summary>The first issue.</summary>
    public CatalogIssue Issue => Issues[0];

    private static string FormatMessage(IReadOnlyList<CatalogIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (issues.Count == 0)
        {
            throw new ArgumentException("A catalog exception needs at least one issue.", nameof(issues));
        }

        return issues.Count == 1
            ? issues[0].ToString()
            : $"{issues[0]} (and {issues.Count - 1} more {(issues.Count == 2 ? "issue" : "issues")})";
    }
}
