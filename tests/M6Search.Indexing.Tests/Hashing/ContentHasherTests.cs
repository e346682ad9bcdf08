using M6Search.Catalog.Products;
using M6Search.Indexing.Hashing;

namespace M6Search.Indexing.Tests.Hashing;

public sealed class ContentHasherTests
{
    private static readonly byte[] Image = [1, 2, 3, 4];

    [Fact]
    public void EmbeddingHash_Changes_WithTitleImageOrModelVersion()
    {
        string baseline = ContentHasher.EmbeddingHash("m1", "cup", Image, hasImage: true);

        Assert.Equal(baseline, ContentHasher.EmbeddingHash("m1", "cup", [1, 2, 3, 4], hasImage: true));
        Assert.NotEqual(baseline, ContentHasher.EmbeddingHash("m2", "cup", Image, hasImage: true));
        Assert.NotEqual(baseline, ContentHasher.EmbeddingHash("m1", "mug", Image, hasImage: true));
        Assert.NotEqual(baseline, ContentHasher.EmbeddingHash("m1", "cup", [1, 2, 3, 5], hasImage: true));
        Assert.NotEqual(baseline, ContentHasher.EmbeddingHash("m1", "cup", [], hasImage: false));
        Assert.NotEqual(ContentHasher.EmbeddingHash("m1", "ab", [], hasImage: false), ContentHasher.EmbeddingHash("m1a", "b", [], hasImage: false));
    }

    [Fact]
    public void PayloadHash_Changes_WithAnyField()
    {
        var product = new Product { Id = "p1", Title = "cup", Price = 3 };

        Assert.Equal(ContentHasher.PayloadHash(product), ContentHasher.PayloadHash(product with { }));
        Assert.NotEqual(ContentHasher.PayloadHash(product), ContentHasher.PayloadHash(product with { Price = 4 }));
        Assert.NotEqual(ContentHasher.PayloadHash(product), ContentHasher.PayloadHash(product with { Category = "cup" }));
    }

    [Fact]
    public void EmbeddingPartOf_ReadsBackTheEmbeddingHash_AndIgnoresForeignHashes()
    {
        string embedding = ContentHasher.EmbeddingHash("m1", "cup", Image, hasImage: true);
        string stored = ContentHasher.Combine(embedding, ContentHasher.PayloadHash(new Product { Id = "p1", Title = "cup" }));

        Assert.Equal(embedding, ContentHasher.EmbeddingPartOf(stored));
        Assert.Null(ContentHasher.EmbeddingPartOf("1:2"));
        Assert.Null(ContentHasher.EmbeddingPartOf(null));
    }
}
