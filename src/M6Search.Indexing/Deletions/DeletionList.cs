using System.Text.Json;

namespace M6Search.Indexing.Deletions;

/// <summary>
/// The deletions file: product ids to remove from the store, one per line. Blank lines and lines starting with '#'
/// are skipped; a line starting with '{' is read as a JSON object and its "id" string is used (so a catalog-style
/// JSON Lines file of removed products works too). Surrounding whitespace is trimmed.
/// </summary>
public static class DeletionList
{
    /// <summary>Reads the ids; throws <see cref="InvalidDataException"/> naming the file and line of a bad JSON line.</summary>
    public static async Task<HashSet<string>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        using var reader = new StreamReader(path);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            string text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            if (text[0] == '{')
            {
                try
                {
                    using JsonDocument document = JsonDocument.Parse(text);
                    if (document.RootElement.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String
                        && !string.IsNullOrWhiteSpace(id.GetString()))
                    {
                        ids.Add(id.GetString()!);
                        continue;
                    }
                }
                catch (JsonException exception)
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: malformed JSON: {exception.Message}", exception);
                }

                throw new InvalidDataException($"{path}:{lineNumber}: field 'id': a JSON line must have a non-empty string \"id\".");
            }

            ids.Add(text);
        }

        return ids;
    }
}
