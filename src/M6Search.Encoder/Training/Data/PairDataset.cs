using System.Text.Json;
using System.Text.Json.Nodes;
using M6Search.Catalog.Images;
using M6Search.Catalog.Products;
using M6Search.Catalog.Reading;
using M6Search.Imaging;
using M6Search.Imaging.Errors;

namespace M6Search.Encoder.Training.Data;

/// <summary>
/// Image-text training data held in memory: every product's preprocessed image once, and every text that describes
/// it (its pair descriptions from pairs.jsonl and its catalog title). Images are decoded once, in parallel, because a
/// training run reads each of them many times.
/// </summary>
public sealed class PairDataset
{
    private readonly float[][] _images;
    private readonly string[][] _texts;
    private readonly IReadOnlyDictionary<string, string>?[] _fields;

    private PairDataset(
        string directory,
        int imageSize,
        IReadOnlyList<string> productIds,
        float[][] images,
        string[][] texts,
        IReadOnlyDictionary<string, string>?[] fields,
        IReadOnlyList<DatasetRejection> rejected)
    {
        Directory = directory;
        ImageSize = imageSize;
        ProductIds = productIds;
        _images = images;
        _texts = texts;
        _fields = fields;
        Rejected = rejected;
    }

    /// <summary>The data folder (with catalog.jsonl and/or pairs.jsonl).</summary>
    public string Directory { get; }

    /// <summary>Side of the square images.</summary>
    public int ImageSize { get; }

    /// <summary>Products with a usable image and at least one text, in catalog order.</summary>
    public IReadOnlyList<string> ProductIds { get; }

    /// <summary>Number of products.</summary>
    public int Count => ProductIds.Count;

    /// <summary>Number of (image, text) pairs.</summary>
    public long PairCount => _texts.Sum(t => (long)t.Length);

    /// <summary>Products left out, with the reason (bad image, no text).</summary>
    public IReadOnlyList<DatasetRejection> Rejected { get; }

    /// <summary>The normalised image of product <paramref name="index"/> (3 x size x size, channel-major).</summary>
    public ReadOnlySpan<float> Image(int index) => _images[index];

    /// <summary>The texts that describe product <paramref name="index"/>.</summary>
    public IReadOnlyList<string> Texts(int index) => _texts[index];

    /// <summary>
    /// A catalog field of product <paramref name="index"/>: <c>category</c>, <c>merchant</c>, <c>lang</c>, or a key of its
    /// <c>attributes</c> object (string, number or boolean values); null when the product has no catalog row or lacks it.
    /// </summary>
    public string? Field(int index, string name) =>
        _fields[index] is { } fields && fields.TryGetValue(name, out string? value) ? value : null;

    /// <summary>
    /// Reads <c>DIR/pairs.jsonl</c> and <c>DIR/catalog.jsonl</c> (either may be absent, not both), pairs every product's
    /// image with its descriptions and its title, and decodes the images on all cores.
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither file exists.</exception>
    /// <exception cref="M6Search.Catalog.Validation.CatalogException">A row of either file is invalid.</exception>
    public static async Task<PairDataset> LoadAsync(
        string directory,
        int imageSize,
        ImageLoader loader,
        bool includeTitles = true,
        IProgress<int>? imagesLoaded = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loader);
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

        string[] ids = images.Keys.ToArray();
        var decoded = new float[ids.Length][];
        var failures = new DatasetRejection?[ids.Length];
        int done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Length),
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (i, ct) =>
            {
                try
                {
                    var image = await loader.LoadAsync(images[ids[i]], imageSize, ct).ConfigureAwait(false);
                    decoded[i] = image.Chw;
                }
                catch (ImageLoadException ex)
                {
                    failures[i] = new DatasetRejection(ids[i], ex.Message);
                }

                int now = Interlocked.Increment(ref done);
                if (now % 256 == 0 || now == ids.Length)
                {
                    imagesLoaded?.Report(now);
                }
            }).ConfigureAwait(false);

        var keptIds = new List<string>(ids.Length);
        var keptImages = new List<float[]>(ids.Length);
        var keptTexts = new List<string[]>(ids.Length);
        var keptFields = new List<IReadOnlyDictionary<string, string>?>(ids.Length);
        var rejected = new List<DatasetRejection>();
        for (int i = 0; i < ids.Length; i++)
        {
            if (failures[i] is { } failure)
            {
                rejected.Add(failure);
            }
            else if (!texts.TryGetValue(ids[i], out var list) || list.Count == 0)
            {
                rejected.Add(new DatasetRejection(ids[i], "no text describes this product (no pair and no title)"));
            }
            else
            {
                keptIds.Add(ids[i]);
                keptImages.Add(decoded[i]);
                keptTexts.Add(list.ToArray());
                keptFields.Add(fields.GetValueOrDefault(ids[i]));
            }
        }

        return new PairDataset(directory, imageSize, keptIds, keptImages.ToArray(), keptTexts.ToArray(), keptFields.ToArray(), rejected);
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
