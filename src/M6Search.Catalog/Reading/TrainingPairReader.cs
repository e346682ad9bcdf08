using System.Runtime.CompilerServices;
using M6Search.Catalog.Queries;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Reading;

/// <summary>
/// Reads pairs.jsonl: one <see cref="TrainingPair"/> per line (<c>productId</c>, <c>image</c>, <c>text</c>,
/// <c>lang</c>), streaming, with the same file/line/field issues as the catalog reader. A product may have many pairs.
/// </summary>
public static class TrainingPairReader
{
    /// <summary>Streams every non-blank line, valid or not, with its issues.</summary>
    public static IAsyncEnumerable<JsonLinesRecord<TrainingPair>> ReadAsync(
        string path,
        JsonLinesReadOptions? options = null,
        CancellationToken cancellationToken = default) =>
        JsonLinesRows.ReadFileAsync(path, stream => ReadAsync(stream, path, options, cancellationToken), cancellationToken);

    /// <summary>Streams pairs from <paramref name="stream"/> (left open); <paramref name="fileName"/> names it in issues.</summary>
    public static IAsyncEnumerable<JsonLinesRecord<TrainingPair>> ReadAsync(
        Stream stream,
        string fileName,
        JsonLinesReadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        options ??= JsonLinesReadOptions.Default;
        options.Validate();
        var parser = new TrainingPairParser(fileName, options);
        return JsonLinesRows.ReadAsync(stream, fileName, options.MaxLineBytes, parser.Parse, parser.Invalid, cancellationToken);
    }

    /// <summary>Streams valid pairs only and throws <see cref="CatalogException"/> at the first invalid line.</summary>
    public static async IAsyncEnumerable<TrainingPair> ReadPairsAsync(
        string path,
        JsonLinesReadOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in ReadAsync(path, options, cancellationToken).ConfigureAwait(false))
        {
            if (record.Value is null)
            {
                throw new CatalogException(record.Issues.Where(i => i.Severity == IssueSeverity.Error).ToArray());
            }

            yield return record.Value;
        }
    }
}
