using M6Search.Evaluation.Corpus;
using M6Search.Evaluation.Ranking;
using M6Search.Evaluation.Tests.TestDoubles;

namespace M6Search.Evaluation.Tests.Ranking;

public class ExactCosineSearchTests
{
    private static readonly float S = MathF.Sqrt(0.5f);

    [Fact]
    public void Search_ReturnsTheTopKByDotProduct_BestFirst()
    {
        var search = new ExactCosineSearch([[1, 0], [0, 1], [S, S], [-1, 0]]);

        IReadOnlyList<ScoredIndex> hits = search.Search([1f, 0f], 3);

        Assert.Equal([0, 2, 1], hits.Select(h => h.Index));
        Assert.Equal(1f, hits[0].Score, 5);
        Assert.Equal(S, hits[1].Score, 5);
    }

    [Fact]
    public void Search_KeepsTheLowerIndexFirst_WhenScoresTie()
    {
        var search = new ExactCosineSearch([[0, 1], [1, 0], [0, 1], [1, 0]]);

        Assert.Equal([1, 3], search.Search([1f, 0f], 2).Select(h => h.Index));
    }

    [Fact]
    public void Search_NeverReturnsItemsWithoutAVector()
    {
        var search = new ExactCosineSearch([null, [0, 1], null, [1, 0]]);

        Assert.Equal([3, 1], search.Search([1f, 0f], 10).Select(h => h.Index));
    }

    [Fact]
    public void Search_RejectsAQueryOfTheWrongLength()
    {
        var search = new ExactCosineSearch([[1, 0]]);

        Assert.Throws<ArgumentException>(() => search.Search([1f, 0f, 0f], 1));
    }

    [Fact]
    public void DenseRanker_MapsHitsToProductIds()
    {
        var corpus = new EvaluationCorpus(
            [new CorpusProduct("p1", "a", "en"), new CorpusProduct("p2", "b", "en"), new CorpusProduct("p3", "c", "en")],
            imageEmbeddings: [[0, 1], null, [1, 0]]);
        var ranker = DenseRanker.OverImages(corpus);

        var query = Judged.Eval(Judged.Query("q", "x", "en", []), [1f, 0f]);

        Assert.Equal(["p3", "p1"], ranker.Rank(query, 10));
    }
}
