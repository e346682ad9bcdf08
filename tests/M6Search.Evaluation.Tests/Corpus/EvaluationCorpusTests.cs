using M6Search.Catalog.Products;
using M6Search.Evaluation.Corpus;

namespace M6Search.Evaluation.Tests.Corpus;

public class EvaluationCorpusTests
{
    [Fact]
    public void Constructor_RejectsARepeatedProductId()
    {
        var ex = Assert.Throws<ArgumentException>(() => new EvaluationCorpus([new("p1", "a", "en"), new("p1", "b", "en")]));

        Assert.Contains("'p1'", ex.Message);
    }

    [Fact]
    public void Of_KeepsEveryProductsIdTitleAndLanguage_AndFindsThemById()
    {
        EvaluationCorpus corpus = EvaluationCorpus.Of(
        [
            new Product { Id = "p1", Title = "Ceramic mug", Lang = "en", Image = "p1.jpg" },
            new Product { Id = "p2", Title = "陶瓷杯", Lang = "zh" },
        ]);

        Assert.Equal(new CorpusProduct("p2", "陶瓷杯", "zh"), corpus.Find("p2"));
        Assert.Null(corpus.Find("p3"));
        Assert.Equal(2, corpus.Products.Count);
    }
}
