using M6Search.Encoder.Training.Features;
using M6Search.Imaging;
using M6Search.Imaging.Errors;

namespace M6Search.Encoder.Training.Data;

/// <summary>
/// Image-text training data held in memory: every product's image side once (decoded pixels, or a locked backbone's
/// cached features) and every text that describes it (its pair descriptions from pairs.jsonl and its catalog title).
/// Images are read once, in parallel, because a training run reads each of them many times. A product whose image
/// cannot be read is listed in <see cref="Rejected"/> and left out; it never stops the load.
/// </summary>
public sealed class PairDataset
{
    private readonly string[][] _texts;
    private readonly IReadOnlyDictionary<string, string>?[] _fields;

    private PairDataset(
        string directory,
        int imageSize,
        IReadOnlyList<string> productIds,
        TrainingImages images,
        string[][] texts,
        IReadOnlyDictionary<string, string>?[] fields,
        IReadOnlyList<DatasetRejection> rejected)
    {
        Directory = directory;
        ImageSize = imageSize;
        ProductIds = productIds;
        Images = images;
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

    /// <summary>The image side, one entry per product.</summary>
    public TrainingImages Images { get; }

    /// <summary>Number of products.</summary>
    public int Count => ProductIds.Count;

    /// <summary>Number of (image, text) pairs.</summary>
    public long PairCount => _texts.Sum(t => (long)t.Length);

    /// <summary>Products left out, with the reason (bad image, no text).</summary>
    public IReadOnlyList<DatasetRejection> Rejected { get; }

    /// <summary>The normalised image of product <paramref name="index"/> (3 x size x size, channel-major); pixel datasets only.</summary>
    /// <exception cref="InvalidOperationException">The dataset holds cached backbone features, not pixels.</exception>
    public ReadOnlySpan<float> Image(int index) => Images is DecodedImages decoded
        ? decoded.Pixels(index)
        : throw new InvalidOperationException("This dataset holds cached backbone features, not pixels.");

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
        PairSources sources = await PairSources.ReadAsync(directory, includeTitles, cancellationToken).ConfigureAwait(false);
        int count = sources.Ids.Length;
        var decoded = new float[count][];
        var failures = new DatasetRejection?[count];
        int done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (i, ct) =>
            {
                try
                {
                    var image = await loader.LoadAsync(sources.Images[i], imageSize, ct).ConfigureAwait(false);
                    decoded[i] = image.Chw;
                }
                catch (ImageLoadException ex)
                {
                    failures[i] = new DatasetRejection(sources.Ids[i], ex.Message);
                }

                int now = Interlocked.Increment(ref done);
                if (now % 256 == 0 || now == count)
                {
                    imagesLoaded?.Report(now);
                }
            }).ConfigureAwait(false);

        return Assemble(directory, imageSize, sources, new DecodedImages(imageSize, decoded), failures);
    }

    /// <summary>
    /// Reads the folder as <see cref="LoadAsync"/> does, but keeps each image's backbone features instead of its pixels:
    /// <paramref name="caching"/> takes them from its on-disk cache or computes them once with the locked backbone.
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither file exists.</exception>
    public static async Task<PairDataset> LoadFeaturesAsync(
        string directory,
        FeatureCachingPass caching,
        bool includeTitles = true,
        IProgress<int>? imagesDone = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caching);
        PairSources sources = await PairSources.ReadAsync(directory, includeTitles, cancellationToken).ConfigureAwait(false);
        (CachedFeatureImages features, DatasetRejection?[] failures) = await caching
            .RunAsync(sources.Ids, sources.Images, imagesDone, cancellationToken).ConfigureAwait(false);
        return Assemble(directory, caching.ImageSize, sources, features, failures);
    }

    private static PairDataset Assemble(string directory, int imageSize, PairSources sources, TrainingImages images, DatasetRejection?[] failures)
    {
        string[] ids = sources.Ids;
        var kept = new List<int>(ids.Length);
        var keptTexts = new List<string[]>(ids.Length);
        var keptFields = new List<IReadOnlyDictionary<string, string>?>(ids.Length);
        var rejected = new List<DatasetRejection>();
        for (int i = 0; i < ids.Length; i++)
        {
            if (failures[i] is { } failure)
            {
                rejected.Add(failure);
            }
            else if (!sources.TextsById.TryGetValue(ids[i], out var list) || list.Count == 0)
            {
                rejected.Add(new DatasetRejection(ids[i], "no text describes this product (no pair and no title)"));
            }
            else
            {
                kept.Add(i);
                keptTexts.Add(list.ToArray());
                keptFields.Add(sources.FieldsById.GetValueOrDefault(ids[i]));
            }
        }

        return new PairDataset(
            directory, imageSize, kept.Select(i => ids[i]).ToArray(), images.Select(kept), keptTexts.ToArray(), keptFields.ToArray(), rejected);
    }
}
