using M6Search.Catalog.Products;
using M6Search.Search.Encoding;
using M6Search.Search.Searching;
using M6Search.Search.Text;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;
using M6Search.Stores.Lexical;

namespace M6Search.Evaluation.Tests.TestDoubles;

/// <summary>
/// A catalog indexed as the app indexes it (title and image vectors from <see cref="KeywordVectorEncoder"/>, lexical
/// vectors from <see cref="LexicalVectorizer"/>) into an embedded store in a temp folder, and the app's search service
/// over it. Products are upserted in catalog order.
/// </summary>
internal sealed class SearchCatalog : IAsyncDisposable
{
    private readonly string _folder;
    private readonly EmbeddedProductVectorStore _store;
    private readonly QueryEmbedder _embedder;
    private readonly KeywordVectorEncoder _encoder;

    private SearchCatalog(string folder, EmbeddedProductVectorStore store, KeywordVectorEncoder encoder, ProductSearchOptions options)
    {
        _folder = folder;
        _store = store;
        _encoder = encoder;
        _embedder = new QueryEmbedder(encoder);
        Search = new ProductSearchService(store, _embedder, LexicalVectorizer.Default, new SearchText(), options);
    }

    public ProductSearchService Search { get; }

    /// <param name="photos">Image arrays (<see cref="KeywordVectorEncoder.Image"/>) by product id; products without one have no image vector.</param>
    public static async Task<SearchCatalog> CreateAsync(
        IReadOnlyList<Product> products, IReadOnlyDictionary<string, float[]> photos, ProductSearchOptions? options = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), "m6-eval-tests-" + Guid.NewGuid().ToString("N"));
        var encoder = new KeywordVectorEncoder();
        EmbeddedProductVectorStore store = await EmbeddedProductVectorStore.OpenAsync(
            new EmbeddedStoreOptions { DataDirectory = folder, DurableCommits = false }, "products");
        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(encoder.Dimension));
        float[][] titles = encoder.EmbedTexts(products.Select(p => p.Title).ToArray());
        var points = new List<ProductPoint>();
        for (int i = 0; i < products.Count; i++)
        {
            var vectors = new Dictionary<string, float[]> { [CollectionSchema.TextVector] = titles[i] };
            if (photos.TryGetValue(products[i].Id, out float[]? photo))
            {
                vectors[CollectionSchema.ImageVector] = encoder.EmbedImages([photo])[0];
            }

            points.Add(new ProductPoint { Product = products[i], Vectors = vectors, Lexical = LexicalVectorizer.Default.Document(products[i].Title) });
        }

        await store.UpsertAsync(points);
        return new SearchCatalog(folder, store, encoder, options ?? new ProductSearchOptions());
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _embedder.Dispose();
        _encoder.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
