using M6Search.Catalog.Reading;

namespace M6Search.Catalog.Validation;

/// <summary>Checks a whole catalog file in one streaming pass, keeping the totals and the first issues.</summary>
public static class CatalogValidator
{
    /// <param name="path">The catalog file (JSON Lines or CSV, see <see cref="CatalogReadOptions.Format"/>).</param>
    /// <param name="options">Limits and format; the defaults when null.</param>
    /// <param name="maxIssues">How many issues to keep in the report; further ones are only counted.</param>
    /// <param name="onIssue">Called for each issue as it is found (also beyond <paramref name="maxIssues"/>), for
    /// progress output.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<CatalogValidationReport> ValidateAsync(
        string path,
        CatalogReadOptions? options = null,
        int maxIssues = 100,
        Action<CatalogIssue>? onIssue = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(maxIssues);
        var summary = new CatalogSummary();
        var kept = new List<CatalogIssue>();
        long omitted = 0;
        await foreach (CatalogRecord record in CatalogReader.ReadAsync(path, options, cancellationToken).ConfigureAwait(false))
        {
            summary.Add(record);
            foreach (CatalogIssue issue in record.Issues)
            {
                onIssue?.Invoke(issue);
                if (kept.Count < maxIssues)
                {
                    kept.Add(issue);
                }
                else
                {
                    omitted++;
                }
            }
        }

        return new CatalogValidationReport(path, summary, kept, omitted);
    }
}
