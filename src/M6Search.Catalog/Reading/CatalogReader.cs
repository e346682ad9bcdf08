using System.Runtime.CompilerServices;
using M6Search.Catalog.Products;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Reading;

/// <summary>
/// Streams a catalog (JSON Lines or CSV) row by row. Memory stays bounded by one line (capped at
/// <see cref="CatalogReadOptions.MaxLineBytes"/>) plus, when duplicate detection is on, the set of ids seen.
/// </summary>
public static class CatalogReader
{
    /// <summary>
    /// Reads every non-blank row of the catalog at <paramref name="path"/>, valid or not, with its issues. Issues name
    /// the file as <paramref name="path"/> was written.
    /// </summary>
    public static async IAsyncEnumerable<CatalogRecord> ReadAsync(
        string path,
        CatalogReadOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= CatalogReadOptions.Default;
        CatalogFormat format = options.Format == CatalogFormat.Auto ? DetectFormat(path) : options.Format;
        var stream = OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (CatalogRecord record in ReadAsync(stream, path, format, options, cancellationToken).ConfigureAwait(false))
            {
                yield return record;
            }
        }
    }

    /// <summary>
    /// Reads a catalog from <paramref name="stream"/> (left open). <paramref name="fileName"/> names the file in issues
    /// and, when the options say <see cref="CatalogFormat.Auto"/>, decides the format by its extension.
    /// </summary>
    public static IAsyncEnumerable<CatalogRecord> ReadAsync(
        Stream stream,
        string fileName,
        CatalogReadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        options ??= CatalogReadOptions.Default;
        CatalogFormat format = options.Format == CatalogFormat.Auto ? DetectFormat(fileName) : options.Format;
        return ReadAsync(stream, fileName, format, options, cancellationToken);
    }

    /// <summary>
    /// Reads only valid products and throws <see cref="CatalogException"/> at the first row with an error: for tools
    /// that must not index a half-broken catalog. Warnings are ignored.
    /// </summary>
    public static async IAsyncEnumerable<Product> ReadProductsAsync(
        string path,
        CatalogReadOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (CatalogRecord record in ReadAsync(path, options, cancellationToken).ConfigureAwait(false))
        {
            if (record.Product is null)
            {
                throw new CatalogException(record.Issues.Where(i => i.Severity == IssueSeverity.Error).ToArray());
            }

            yield return record.Product;
        }
    }

    /// <summary>The format a file name implies: <c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c> or <c>.csv</c> (any case).</summary>
    /// <exception cref="CatalogException">The extension is none of these.</exception>
    public static CatalogFormat DetectFormat(string fileName)
    {
        string extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".jsonl" or ".ndjson" or ".json" => CatalogFormat.JsonLines,
            ".csv" => CatalogFormat.Csv,
            _ => throw new CatalogException(new CatalogIssue(fileName, 0, null, null,
                $"cannot tell the catalog format from the extension '{extension}'; use .jsonl, .ndjson, .json or .csv, or name the format")),
        };
    }

    /// <summary>Opens a file for one sequential pass; unbuffered, because every reader here reads in 64 KiB blocks.</summary>
    internal static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);

    private static IAsyncEnumerable<CatalogRecord> ReadAsync(
        Stream stream,
        string fileName,
        CatalogFormat format,
        CatalogReadOptions options,
        CancellationToken cancellationToken)
    {
        options.Validate();
        IdRegistry? ids = options.DetectDuplicateIds ? new IdRegistry() : null;
        if (format == CatalogFormat.Csv)
        {
            return CsvProductRows.ReadAsync(stream, fileName, options, ids, cancellationToken);
        }

        var parser = new JsonProductParser(fileName, options, ids);
        return JsonLinesRows.ReadAsync(stream, fileName, options.MaxLineBytes, parser.Parse, parser.Invalid, cancellationToken);
    }
}
