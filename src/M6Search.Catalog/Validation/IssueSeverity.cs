namespace M6Search.Catalog.Validation;

/// <summary>How bad a <see cref="CatalogIssue"/> is.</summary>
public enum IssueSeverity
{
    /// <summary>The row breaks the format and is not used.</summary>
    Error,

    /// <summary>The row is used, but something in it looks unintended.</summary>
    Warning,
}
