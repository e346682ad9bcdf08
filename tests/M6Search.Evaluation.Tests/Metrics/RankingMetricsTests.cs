using M6Search.Evaluation.Metrics;
using M6Search.Evaluation.Tests.TestDoubles;

namespace M6Search.Evaluation.Tests.Metrics;

public class RankingMetricsTests
{
    private static readonly IReadOnlyDictionary<string, int> Judgments =
        Judged.Grades(("a", 2), ("b", 1), ("c", 0), ("d", 2));

    [Fact]
    public void Ndcg_UsesGradedGainsAndIdealFromAllJudgedProducts()
    {
        // DCG@3 of [b, a, x]: (2^1-1)/log2(2) + (2^2-1)/log2(3) + 0 = 1 + 3/log2(3) = 2.892789
        // ideal from all judged grades [2, 2, 1]: 3/log2(2) + 3/log2(3) + 1/log2(4) = 5.392789 (d counts though not retrieved)
        double ndcg = RankingMetrics.Ndcg(["b", "a", "x", "d"], Judgments, k: 3);

        Assert.Equal((1 + 3 / Math.Log2(3)) / (3 + 3 / Math.Log2(3) + 0.5), ndcg, 12);
        Assert.Equal(0.536418, ndcg, 6);
    }

    [Fact]
    public void Ndcg_IsOne_WhenRankingIsIdeal()
    {
        Assert.Equal(1.0, RankingMetrics.Ndcg(["a", "d", "b", "c"], Judgments, k: 10), 12);
    }

    [Fact]
    public void Ndcg_IsZero_WhenNoProductIsRelevant()
    {
        Assert.Equal(0.0, RankingMetrics.Ndcg(["a"], Judged.Grades(("a", 0)), k: 10));
    }

    [Fact]
    public void Dcg_IgnoresResultsBelowTheCutOff()
    {
        // Only x (ungraded) and c (grade 0) are in the top 2; a comes third.
        Assert.Equal(0.0, RankingMetrics.Dcg(["x", "c", "a"], Judgments, k: 2));
        Assert.Equal(3 / Math.Log2(4), RankingMetrics.Dcg(["x", "c", "a"], Judgments, k: 3), 12);
    }

    [Fact]
    public void Precision_CountsGradeOneAndAboveOverK()
    {
        // top 4 = a (2), x (unjudged), b (1), c (0): 2 relevant of 4
        Assert.Equal(0.5, RankingMetrics.PrecisionAt(["a", "x", "b", "c", "d"], Judgments, k: 4));
    }

    [Fact]
    public void Precision_DividesByK_WhenRankingIsShorter()
    {
        Assert.Equal(0.1, RankingMetrics.PrecisionAt(["a"], Judgments, k: 10), 12);
    }

    [Fact]
    public void Recall_IsShareOfRelevantProductsWithinDepth()
    {
        // relevant: a, b, d. Top 3 of [x, a, c, b, d] holds a only.
        Assert.Equal(1.0 / 3, RankingMetrics.RecallAt(["x", "a", "c", "b", "d"], Judgments, depth: 3), 12);
        Assert.Equal(1.0, RankingMetrics.RecallAt(["x", "a", "c", "b", "d"], Judgments, depth: 5), 12);
    }

    [Fact]
    public void ReciprocalRank_SkipsGradeZeroAndUnjudgedProducts()
    {
        // x unjudged, c grade 0, b grade 1 at rank 3.
        Assert.Equal(1.0 / 3, RankingMetrics.ReciprocalRank(["x", "c", "b", "a"], Judgments), 12);
    }

    [Fact]
    public void ReciprocalRank_IsZero_WhenNoRelevantProductIsRetrieved()
    {
        Assert.Equal(0.0, RankingMetrics.ReciprocalRank(["x", "c"], Judgments));
    }

    [Fact]
    public void CountFound_CountsTargetsWithinDepthOnly()
    {
        var targets = new HashSet<string> { "b", "d" };
        Assert.Equal(1, RankingMetrics.CountFound(["b", "x", "d"], targets, depth: 2));
        Assert.Equal(2, RankingMetrics.CountFound(["b", "x", "d"], targets, depth: 3));
    }
}
