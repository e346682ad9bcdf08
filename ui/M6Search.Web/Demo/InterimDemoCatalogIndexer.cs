using System.Security.Cryptography;
using System.Text;
using M6Search.Catalog.Images;
using M6Search.Catalog.Products;
using M6Search.Catalog.Reading;
using M6Search.Imaging;
using M6Search.Search.Encoding;
using M6Search.Search.Lexical;
using M6Search.Search.Text;
using M6Search.Stores.Abstractions;

namespace M6Search.Web.Demo;

/// <summary>
/// STOPGAP until M6Search.Indexing's <c>IndexingPipeline</c> is merged: a direct encode-and-upsert loop. Title terms get
/// BM25 weights (k1 = 1.2, b = 0.75, IDF over the catalog) with <see cref="InterimLexicalTerms"/>, the same terms the
/// interim query vectorizer uses. Images go through the encoder in batches, in the same slots as shopper queries.
/// </summary>
public sealed class InterimDemoCatalogIndexer : IDemoCatalogIndexer
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly int _batchSize;
    private readonly ImageLoader _images = new();
    private readonly SearchText _text = new();

    public InterimDemoCatalogIndexer(int batchSize = 32)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _batchSize = batchSize;
    }

    public async Task IndexAsync(
        string catalogPath, IProductVectorStore store, QueryEmbedder embedder, IProgress<(int Done, int Total)> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(progress);
        var products = new List<Product>();
        await foreach (Product product in CatalogReader.ReadProductsAsync(catalogPath, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            products.Add(product);
        }

        string catalogDirectory = Path.GetDirectoryName(Path.GetFullPath(catalogPath))!;
        List<string>[] terms = products.Select(p => InterimLexicalTerms.Terms(_text, p.Title).ToList()).ToArray();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (List<string> list in terms)
        {
            foreach (string term in list.Distinct(StringComparer.Ordinal))
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        double averageLength = terms.Length == 0 ? 1 : Math.Max(1, terms.Average(t => t.Count));
        progress.Report((0, products.Count));
        for (int start = 0; start < products.Count; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(_batchSize, products.Count - start);
            var batch = products.GetRange(start, count);
            float[]?[] pixels = new float[]?[count];
            await Parallel.ForAsync(0, count, cancellationToken, async (i, token) =>
                pixels[i] = await LoadImageAsync(batch[i], catalogDirectory, embedder.ImageSize, token).ConfigureAwait(false)).ConfigureAwait(false);

            var withImages = Enumerable.Range(0, count).Where(i => pixels[i] is not null).ToArray();
            (float[][] titles, float[][] images) = await embedder.RunAsync(
                encoder => (encoder.EmbedTexts(batch.Select(p => p.Title).ToArray()), encoder.EmbedImages(withImages.Select(i => pixels[i]!).ToArray())),
                cancellationToken).ConfigureAwait(false);

            var points = new List<ProductPoint>(count);
            for (int i = 0; i < count; i++)
            {
                var vectors = new Dictionary<string, float[]> { [CollectionSchema.TextVector] = titles[i] };
                int imageIndex = Array.IndexOf(withImages, i);
                if (imageIndex >= 0)
                {
                    vectors[CollectionSchema.ImageVector] = images[imageIndex];
                }

                points.Add(new ProductPoint
                {
                    Product = batch[i],
                    Vectors = vectors,
                    Lexical = Bm25(terms[start + i], documentFrequency, products.Count, averageLength),
                    ContentHash = Hash(batch[i], embedder.ModelVersion),
                });
            }

            await store.UpsertAsync(points, cancellationToken).ConfigureAwait(false);
            progress.Report((start + count, products.Count));
        }
    }

    private async Task<float[]?> LoadImageAsync(Product product, string catalogDirectory, int size, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(product.Image) || !ImageReferenceResolver.TryResolve(product.Image, catalogDirectory, out ImageReference? reference, out _) || !reference.IsFile)
        {
            return null;
        }

        try
        {
            return (await _images.LoadAsync(reference.FilePath!, size, cancellationToken).ConfigureAwait(false)).Chw;
        }
        catch (M6Search.Imaging.Errors.ImageLoadException)
        {
            // A product whose image cannot be read is still found by its title.
            return null;
        }
    }

    private static SparseVector Bm25(List<string> terms, Dictionary<string, int> documentFrequency, int documents, double averageLength)
    {
        var weights = new SortedDictionary<uint, float>();
        foreach (IGrouping<string, string> group in terms.GroupBy(t => t, StringComparer.Ordinal))
        {
            int df = documentFrequency[group.Key];
            double idf = Math.Log(1 + ((documents - df + 0.5) / (df + 0.5)));
            int tf = group.Count();
            double weight = idf * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * terms.Count / averageLength))));
            uint index = InterimLexicalTerms.IndexOf(group.Key);
            weights[index] = weights.GetValueOrDefault(index) + (float)weight;
        }

        return new SparseVector([.. weights.Keys], [.. weights.Values]);
    }

    private static string Hash(Product product, string modelVersion) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{modelVersion}\n{product.Title}\n{product.Image}")));
}
