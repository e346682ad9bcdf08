using M6Search.Catalog.Images;
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

    private PairDataset(string directory, int imageSize, IReadOnlyList<string> productIds, float[][] images, string[][] texts, IReadOnlyList<DatasetRejection> rejected)
    {
        Directory = directory;
        ImageSize = imageSize;
        ProductIds = productIds;
        _images = images;
        _texts = texts;
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
            }
        }

        return new PairDataset(directory, imageSize, keptIds, keptImages.ToArray(), keptTexts.ToArray(), rejected);
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
