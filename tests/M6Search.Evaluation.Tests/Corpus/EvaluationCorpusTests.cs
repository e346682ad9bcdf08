using M6Search.Catalog.Products;
using M6Search.Evaluation.Corpus;
using M6Search.Evaluation.Tests.TestDoubles;

namespace M6Search.Evaluation.Tests.Corpus;

public class EvaluationCorpusTests
{
    private static readonly CorpusProduct[] Two = [new("p1", "a", "en"), new("p2", "b", "en")];

    [Fact]
    public void Constructor_RejectsAnEmbeddingThatIsNotNormalised_NamingTheProduct()
    {
        var ex = Assert.Throws<ArgumentException>(() => new EvaluationCorpus(Two, titleEmbeddings: [[1f, 0f], [2f, 0f]]));

        Assert.Contains("'p2'", ex.Message);
        Assert.Contains("L2-normalised", ex.Message);
    }

    [Fact]
    public void Constructor_RejectsEmbeddingsOfDifferentDimensions()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new EvaluationCorpus(Two, imageEmbeddings: [[1f, 0f], null], titleEmbeddings: [[1f, 0f, 0f], [0f, 1f, 0f]]));

        Assert.Contains("'p1'", ex.Message);
    }

    [Fact]
    public void Constructor_RejectsARepeatedProductId()
    {
        Assert.Throws<ArgumentException>(() => new EvaluationCorpus([new("p1", "a", "en"), new("p1", "b", "en")]));
    }

    [Fact]
    public void Embed_NamesTheProduct_WhenItsImageHasTheWrongSize()
    {
        using var encoder = new KeywordVectorEncoder();
        Product[] products = [new() { Id = "p9", Title = "mug", Image = "p9.jpg" }];

        var ex = Assert.Throws<ProductImageException>(() => EvaluationCorpusBuilder.Embed(products, encoder, _ => new float[5]));

        Assert.Equal("p9", ex.ProductId);
        Assert.Contains("12", ex.Message);
    }

    [Fact]
    public void Embed_WrapsALoaderFailure_NamingTheProductAndImage()
    {
        using var encoder = new KeywordVectorEncoder();
        Product[] products = [new() { Id = "p9", Title = "mug", Image = "broken.jpg" }];

        var ex = Assert.Throws<ProductImageException>(() => EvaluationCorpusBuilder.Embed(
            products, encoder, _ => throw new InvalidDataException("not an image")));

        Assert.Contains("'p9'", ex.Message);
        Assert.Contains("broken.jpg", ex.Message);
        Assert.Contains("not an image", ex.Message);
    }

    [Fact]
    public void Embed_EmbedsTitlesInBatches_AndSkipsImagesWhenNotAsked()
    {
        using var encoder = new KeywordVectorEncoder();
        Product[] products = Enumerable.Range(0, 5).Select(i => new Product { Id = $"p{i}", Title = "mug" }).ToArray();

        EvaluationCorpus corpus = EvaluationCorpusBuilder.Embed(
            products, encoder, loadImage: null, new CorpusEmbeddingOptions { Images = false, BatchSize = 2 });

        Assert.Null(corpus.ImageEmbeddings);
        Assert.Equal(5, corpus.TitleEmbeddings!.Count);
        Assert.Equal(3, encoder.TextCalls); // 2 + 2 + 1
        Assert.Equal(12, corpus.Dimension);
    }
}
