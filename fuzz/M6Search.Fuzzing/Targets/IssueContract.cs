using M6Search.Catalog.Validation;

namespace M6Search.Fuzzing.Targets;

/// <summary>
/// What every reader promises about a row it could not use: at least one error, and every issue names the file it
/// was given, a line at or after the row's first line, and a message a person can act on.
/// </summary>
internal static class IssueContract
{
    public static void Check(string target, string file, int line, bool valid, IReadOnlyList<CatalogIssue> issues)
    {
        if (line < 1)
        {
            throw new ContractViolationException(target, $"a row was reported at line {line}; lines are 1-based");
        }

        bool hasError = issues.Any(issue => issue.Severity == IssueSeverity.Error);
        if (valid == hasError)
        {
            throw new ContractViolationException(
                target, $"line {line}: the row is {(valid ? "valid" : "invalid")} but has {(hasError ? "an error" : "no error")}");
        }

        foreach (CatalogIssue issue in issues)
        {
            if (issue.File != file || issue.Line < line || string.IsNullOrWhiteSpace(issue.Message))
            {
                throw new ContractViolationException(
                    target, $"line {line}: the issue '{issue}' does not name the file '{file}', the row's line or what is wrong");
            }
        }
    }
}
