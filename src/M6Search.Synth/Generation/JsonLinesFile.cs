using System.Text;
using System.Text.Json;
using M6Search.Catalog.Serialization;

namespace M6Search.Synth.Generation;

/// <summary>Writes records as JSON Lines: one value per line, UTF-8 without BOM, '\n' line ends, <see cref="CatalogJson.Options"/>.</summary>
public static class JsonLinesFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync<T>(string path, IEnumerable<T> records, CancellationToken cancellationToken = default)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16) { NewLine = "\n" };
            await using (writer.ConfigureAwait(false))
            {
                foreach (T record in records)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await writer.WriteAsync(JsonSerializer.Serialize(record, CatalogJson.Options).AsMemory(), cancellationToken).ConfigureAwait(false);
                    await writer.WriteAsync("\n".AsMemory(), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
