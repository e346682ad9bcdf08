using System.Text.Json;
using System.Text.Json.Nodes;
using M6Search.Catalog.Images;
using M6Search.Catalog.Products;
using M6Search.Catalog.Reading;

namespace M6Search.Encoder.Training.Data;

/// <summary>
/// What a training folder says before any image is read: every product with an image, in a stable order (catalog
/// first, then products only pairs.jsonl names), its image source (a file path or URL), its texts (pair descriptions
/// and, unless left out, its title) and the catalog fields batches may be grouped by.
/// </summary>
internal sealed class PairSources
{
    private PairSources(string[] ids, string[] images, Dictionary<string, List<string>> texts, Dictionary<string, IReadOnlyDictionary<string, string>> fields)
    {
        Ids = ids;
        Images = images;
        TextsById = texts;
        FieldsById = fields;
    }

    /// <summary>Product ids, in order.</summary>
    public string[] Ids { get; }

    /// <summary>The image source (file path or URL) of product <c>Ids[i]</c>.</summary>
    public string[] Images { get; }

    public Dictionary<string, List<string>> TextsById { get; }

    public Dictionary<string, IReadOnlyDictionary<string, string>> FieldsById { get; }

    /// <summary>Reads <c>DIR/pairs.jsonl</c> and <c>DIR/catalog.jsonl</c> (either may be absent, not both).</summary>
    /// <exception cref="FileNotFoundException">Neither file exists.</exception>
    public static async Task<PairSources> ReadAsync(string directory, bool includeTitles, CancellationToken cancellationToken)
    {
        string pairsPath = Path.Combine(directory, "pairs.jsonl");
        string catalogPath = Path.Combine(directory, "catalog.jsonl");
        if (!File.Exists(pairsPath) && !File.Exists(catalogPath))
        {
            throw new FileNotFoundException($"Training data folder '{directory}' has neither pairs.jsonl nor catalog.jsonl.", pairsPath);
        }

        // Insertion order of the dictionary keeps the product order stable (catalog first, then pairs-only products).
        var images = new Dictionary<string, string>(StringComparer.Ordinal);
        var texts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var fields = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (File.Exists(catalogPath))
        {
            await foreach (var product in CatalogReader.ReadProductsAsync(catalogPath, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (product.Image is null)
                {
                    continue;
                }

                ImageReference? reference = ImageReferenceResolver.Resolve(product, catalogPath);
                images.TryAdd(product.Id, reference!.IsFile ? reference.FilePath! : reference.Url!.ToString());
                fields.TryAdd(product.Id, GroupingFields(product));
                var list = Texts(texts, product.Id);
                if (includeTitles)
                {
                    list.Add(product.Title);
                }
            }
        }

        if (File.Exists(pairsPath))
        {
            await foreach (var pair in TrainingPairReader.ReadPairsAsync(pairsPath, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (!images.ContainsKey(pair.ProductId))
                {
                    if (!ImageReferenceResolver.TryResolve(pair.Image, directory, out var reference, out string? error))
                    {
                        throw new InvalidDataException($"{pairsPath}: product {pair.ProductId}: field 'image': {error}");
                    }

                    images[pair.ProductId] = reference!.IsFile ? reference.FilePath! : reference.Url!.ToString();
                }

                Texts(texts, pair.ProductId).Add(pair.Text);
            }
        }

        return new PairSources(images.Keys.ToArray(), images.Values.ToArray(), texts, fields);
    }

    private static Dictionary<string, string> GroupingFields(Product product)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (product.Attributes is { } attributes)
        {
            foreach (var (key, node) in attributes)
            {
                if (node is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                {
                    fields[key] = value.ToString();
                }
            }
        }

        // The product's own fields win over attributes of the same name.
        AddIfPresent(fields, "category", product.Category);
        AddIfPresent(fields, "merchant", product.Merchant);
        AddIfPresent(fields, "lang", product.Lang);
        return fields;
    }

    private static void AddIfPresent(Dictionary<string, string> fields, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            fields[name] = value;
        }
    }

    private static List<string> Texts(Dictionary<string, List<string>> texts, string id)
    {
        if (!texts.TryGetValue(id, out var list))
        {
            list = new List<string>(3);
            texts[id] = list;
        }

        return list;
    }
}
