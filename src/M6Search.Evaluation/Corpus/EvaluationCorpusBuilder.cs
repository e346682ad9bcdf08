using M6Search.Catalog.Products;
using M6Search.Encoder;

namespace M6Search.Evaluation.Corpus;

/// <summary>Turns catalog products into an <see cref="EvaluationCorpus"/>, embedding images and titles with an encoder.</summary>
public static class EvaluationCorpusBuilder
{
    /// <summary>A corpus without embeddings: enough for the title (BM25) mode.</summary>
    public static EvaluationCorpus TitlesOnly(IReadOnlyList<Product> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        return new EvaluationCorpus(products.Select(ToCorpusProduct).ToArray());
    }

    /// <summary>Embeds the products' images and/or titles in batches.</summary>
    /// <param name="loadImage">
    /// Loads one product's image as the encoder takes it (channel-major RGB, 3 x ImageSize x ImageSize floats); returns
    /// null for a product without an image, which the image mode then never returns. Needed when images are embedded.
    /// </param>
    /// <exception cref="ProductImageException">An image failed to load or has the wrong number of values.</exception>
    /// <exception cref="InvalidOperationException">The encoder returned the wrong number or length of embeddings.</exception>
    public static EvaluationCorpus Embed(
        IReadOnlyList<Product> products,
        IProductEncoder encoder,
        Func<Product, float[]?>? loadImage,
        CorpusEmbeddingOptions? options = null,
        IProgress<EmbeddingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(encoder);
        options ??= new CorpusEmbeddingOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options.BatchSize));
        if (options.Images && loadImage is null)
        {
            throw new ArgumentException("Embedding images needs an image loader.", nameof(loadImage));
        }

        float[]?[]? images = options.Images
            ? EmbedImages(products, encoder, loadImage!, options.BatchSize, progress, cancellationToken)
            : null;
        float[][]? titles = options.Titles
            ? EmbedTexts(products.Select(p => p.Title).ToArray(), encoder, options.BatchSize, "titles", progress, cancellationToken)
            : null;
        return new EvaluationCorpus(products.Select(ToCorpusProduct).ToArray(), images, titles, encoder.ModelVersion);
    }

    /// <summary>Embeds texts in batches, checking what the encoder returns.</summary>
    public static float[][] EmbedTexts(
        IReadOnlyList<string> texts,
        IProductEncoder encoder,
        int batchSize,
        string stage,
        IProgress<EmbeddingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var result = new float[texts.Count][];
        for (int start = 0; start < texts.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(batchSize, texts.Count - start);
            float[][] batch = encoder.EmbedTexts(Slice(texts, start, count));
            CheckBatch(batch, count, encoder.Dimension, stage);
            Array.Copy(batch, 0, result, start, count);
            progress?.Report(new EmbeddingProgress(stage, start + count, texts.Count));
        }

        return result;
    }

    private static float[]?[] EmbedImages(
        IReadOnlyList<Product> products,
        IProductEncoder encoder,
        Func<Product, float[]?> loadImage,
        int batchSize,
        IProgress<EmbeddingProgress>? progress,
        CancellationToken cancellationToken)
    {
        int expected = 3 * encoder.ImageSize * encoder.ImageSize;
        var result = new float[]?[products.Count];
        var pixels = new List<float[]>(batchSize);
        var owners = new List<int>(batchSize);
        for (int start = 0; start < products.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int end = Math.Min(products.Count, start + batchSize);
            pixels.Clear();
            owners.Clear();
            for (int i = start; i < end; i++)
            {
                float[]? image = LoadImage(products[i], loadImage, expected);
                if (image is not null)
                {
                    pixels.Add(image);
                    owners.Add(i);
                }
            }

            if (pixels.Count > 0)
            {
                float[][] batch = encoder.EmbedImages(pixels);
                CheckBatch(batch, pixels.Count, encoder.Dimension, "images");
                for (int j = 0; j < owners.Count; j++)
                {
                    result[owners[j]] = batch[j];
                }
            }

            progress?.Report(new EmbeddingProgress("images", end, products.Count));
        }

        return result;
    }

    private static float[]? LoadImage(Product product, Func<Product, float[]?> loadImage, int expected)
    {
        float[]? image;
        try
        {
            image = loadImage(product);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ProductImageException)
        {
            throw new ProductImageException(product.Id, $"image '{product.Image}' could not be loaded: {ex.Message}", ex);
        }

        if (image is not null && image.Length != expected)
        {
            throw new ProductImageException(
                product.Id, $"image '{product.Image}' was loaded as {image.Length} values; the encoder takes {expected} (3 x side x side).");
        }

        return image;
    }

    private static void CheckBatch(float[][] batch, int count, int dimension, string stage)
    {
        if (batch.Length != count)
        {
            throw new InvalidOperationException($"The encoder returned {batch.Length} embeddings for {count} {stage}.");
        }

        foreach (float[] vector in batch)
        {
            if (vector.Length != dimension)
            {
                throw new InvalidOperationException(
                    $"The encoder returned a {vector.Length}-value embedding for {stage}; its dimension is {dimension}.");
            }
        }
    }

    private static string[] Slice(IReadOnlyList<string> texts, int start, int count)
    {
        var slice = new string[count];
        for (int i = 0; i < count; i++)
        {
            slice[i] = texts[start + i];
        }

        return slice;
    }

    private static CorpusProduct ToCorpusProduct(Product product) => new(product.Id, product.Title, product.Lang);
}
