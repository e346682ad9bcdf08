using M6Search.Catalog.Queries;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Reading;

/// <summary>
/// Reads queries.jsonl: one <see cref="LabeledQuery"/> per line (<c>id</c>, <c>text</c>, <c>lang</c>, <c>traits</c>,
/// <c>relevance</c>), with the same file/line/field issues as the catalog reader. Query ids must be unique.
/// </summary>
public static class LabeledQueryReader
{
    /// <summary>Streams every non-blank line, valid or not, with its issues.</summary>
    public static IAsyncEnumerable<JsonLinesRecord<LabeledQuery>> ReadAsync(
        string path,
        JsonLinesReadOptions? options = null,
        CancellationToken cancellationToken = default) =>
        JsonLinesRows.ReadFileAsync(path, stream => ReadAsync(stream, path, options, cancellationToken), cancellationToken);

    /// <summary>Streams queries from <paramref name="stream"/> (left open); <paramref name="fileName"/> names it in issues.</summary>
    public static IAsyncEnumerable<JsonLinesRecord<LabeledQuery>> ReadAsync(
        Stream stream,
        string fileName,
        JsonLinesReadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        options ??= JsonLinesReadOptions.Default;
        options.Validate();
        var parser = new LabeledQueryParser(fileName, options);
        return JsonLinesRows.ReadAsync(stream, fileName, options.MaxLineBytes, parser.Parse, parser.Invalid, cancellationToken);
    }

    /// <summary>
    /// Reads the whole file (query sets are small) and throws <see cref="CatalogException"/> carrying every error when
    /// any line is invalid.
    /// </summary>
    public static async Task<IReadOnlyList<LabeledQuery>> ReadAllAsync(
        string path,
        JsonLinesReadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var queries = new List<LabeledQuery>();
        var errors = new List<CatalogIssue>();
        await foreach (var record in ReadAsync(path, options, cancellationToken).ConfigureAwait(false))
        {
            if (record.Value is null)
            {
                errors.AddRange(record.Issues.Where(i => i.Severity == IssueSeverity.Error));
            }
            else
            {
                queries.Add(record.Value);
            }
        }

        if (errors.Count > 0)
        {
            throw new CatalogException(errors);
        }

        return queries;
    }
}
