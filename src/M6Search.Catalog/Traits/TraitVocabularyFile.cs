using System.Text.Json;
using M6Search.Catalog.Serialization;

namespace M6Search.Catalog.Traits;

/// <summary>
/// A catalog's trait vocabulary, <c>traits.json</c> beside its <c>catalog.jsonl</c>: the traits the merchant dashboard
/// probes product photos for and recognises in shopper queries. <c>m6 synth</c> writes it for the synthetic catalog;
/// a merchant writes their own. Format (UTF-8 JSON):
/// <code>{ "traits": [ { "kind": "texture", "key": "bumpy", "en": ["bumpy", "dimpled"], "zh": ["凹凸"] }, ... ] }</code>
/// </summary>
public static class TraitVocabularyFile
{
    /// <summary>The file's name in a catalog folder.</summary>
    public const string FileName = "traits.json";

    private static readonly JsonSerializerOptions WriteOptions = new(CatalogJson.Options) { WriteIndented = true };

    /// <summary>Reads and checks the file.</summary>
    /// <exception cref="InvalidDataException">The file is not a trait vocabulary; the message names the file and the trait.</exception>
    public static IReadOnlyList<CatalogTrait> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Document? document;
        try
        {
            using FileStream stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize<Document>(stream, CatalogJson.Options);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path}: not a trait vocabulary: {exception.Message}", exception);
        }

        if (document?.Traits is null)
        {
            throw new InvalidDataException($"{path}: not a trait vocabulary: the object needs a \"traits\" array.");
        }

        var traits = new List<CatalogTrait>(document.Traits.Count);
        var seen = new HashSet<(string, string)>();
        for (int i = 0; i < document.Traits.Count; i++)
        {
            Entry? entry = document.Traits[i];
            string where = $"{path}: trait {i + 1}";
            if (entry is null || string.IsNullOrWhiteSpace(entry.Kind) || string.IsNullOrWhiteSpace(entry.Key))
            {
                throw new InvalidDataException($"{where}: \"kind\" and \"key\" are required.");
            }

            string[] en = Words(entry.En);
            string[] zh = Words(entry.Zh);
            if (en.Length == 0 && zh.Length == 0)
            {
                throw new InvalidDataException($"{where} ({entry.Kind} '{entry.Key}'): give at least one word in \"en\" or \"zh\".");
            }

            if (!seen.Add((entry.Kind, entry.Key)))
            {
                throw new InvalidDataException($"{where}: {entry.Kind} '{entry.Key}' appears twice.");
            }

            traits.Add(new CatalogTrait(entry.Kind.Trim(), entry.Key.Trim(), en, zh));
        }

        return traits;
    }

    /// <summary>Writes the traits to <paramref name="path"/> (indented, UTF-8), creating its folder.</summary>
    public static async Task WriteAsync(string path, IEnumerable<CatalogTrait> traits, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(traits);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var document = new Document { Traits = traits.Select(t => (Entry?)new Entry { Kind = t.Kind, Key = t.Key, En = [.. t.En], Zh = [.. t.Zh] }).ToList() };
        await using FileStream stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, document, WriteOptions, cancellationToken).ConfigureAwait(false);
    }

    private static string[] Words(List<string?>? words) =>
        words?.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w!.Trim()).ToArray() ?? [];

    private sealed class Document
    {
        public List<Entry?>? Traits { get; set; }
    }

    private sealed class Entry
    {
        public string? Kind { get; set; }

        public string? Key { get; set; }

        public List<string?>? En { get; set; }

        public List<string?>? Zh { get; set; }
    }
}
