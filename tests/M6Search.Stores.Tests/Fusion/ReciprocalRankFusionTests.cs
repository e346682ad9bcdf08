using M6Search.Stores.Fusion;

namespace M6Search.Stores.Tests.Fusion;

public sealed class ReciprocalRankFusionTests
{
    [Fact]
    public void Fuse_GivesQdrantsScores_ForThreeRankingsWithTheDefaultK()
    {
        // The rankings and float scores of Qdrant 1.19's own RRF unit test (lib/segment, reciprocal_rank_fusion.rs).
        IReadOnlyList<int>[] rankings = [[2, 1], [1, 2, 3], [5, 3, 1]];

        IReadOnlyList<FusedHit<int>> fused = ReciprocalRankFusion.Fuse(rankings);

        Assert.Equal([new(1, 1.0833334f), new(2, 0.8333334f), new(3, 0.5833334f), new(5, 0.5f)], fused);
    }

    [Fact]
    public void PositionScore_CountsPositionsFromZero_WithTheDefaultKOfTwo()
    {
        Assert.Equal(2, ReciprocalRankFusion.DefaultK);
        Assert.Equal(0.5f, ReciprocalRankFusion.PositionScore(0));
        Assert.Equal(1f / 3, ReciprocalRankFusion.PositionScore(1));
        Assert.Equal(1f / 60, ReciprocalRankFusion.PositionScore(0, k: 60));
    }

    [Fact]
    public void PositionScore_DividesTheOneBasedRankByTheWeight_AsQdrantsWeightedRrf()
    {
        // Qdrant: 1 / ((position + 1) / weight + k - 1). Weight 3 at position 2 scores as position 0 at weight 1.
        Assert.Equal(ReciprocalRankFusion.PositionScore(0), ReciprocalRankFusion.PositionScore(2, weight: 3f));
        Assert.Equal(1f / ((1f / 3f) + 2f - 1f), ReciprocalRankFusion.PositionScore(0, weight: 3f));
        Assert.Equal(1f / ((4f / 0.5f) + 60f - 1f), ReciprocalRankFusion.PositionScore(3, k: 60, weight: 0.5f));
    }

    [Fact]
    public void Fuse_WithWeightsThreeToOne_PutsTheHeavierRankingsSecondHitFirst()
    {
        // Qdrant's test_rrf_scoring_weighted: point 2 is second in the weight-3 ranking and first in the weight-1 one.
        IReadOnlyList<int>[] rankings = [[1, 2], [2, 1]];

        IReadOnlyList<FusedHit<int>> equal = ReciprocalRankFusion.Fuse(rankings);
        IReadOnlyList<FusedHit<int>> weighted = ReciprocalRankFusion.Fuse(rankings, weights: [3f, 1f]);

        Assert.Equal(equal[0].Score, equal[1].Score);
        Assert.Equal(2, weighted[0].Key);
        Assert.True(weighted[0].Score > weighted[1].Score);
    }

    [Fact]
    public void Fuse_KeepsTheHitsOfAZeroWeightRanking_WithoutScore()
    {
        // Qdrant's test_rrf_scoring_zero_weight: the weight-0 ranking's point is still returned, scoring 0.
        IReadOnlyList<FusedHit<string>> fused = ReciprocalRankFusion.Fuse<string>([["a"], ["b"]], weights: [1f, 0f]);

        Assert.Equal([new("a", 0.5f), new("b", 0f)], fused);
    }

    [Fact]
    public void Fuse_IgnoresTheOrderOfEqualScores_UnlessATieBreakIsGiven()
    {
        IReadOnlyList<int>[] rankings = [[9, 4], [4, 9]];

        Assert.Equal([9, 4], ReciprocalRankFusion.Fuse(rankings).Select(hit => hit.Key));
        Assert.Equal([4, 9], ReciprocalRankFusion.Fuse(rankings, tieBreak: Comparer<int>.Default).Select(hit => hit.Key));
    }

    [Theory]
    [InlineData(0, null, 1, "k must be at least 1")]
    [InlineData(2, new[] { 1f }, 2, "2 rankings but 1 weights")]
    [InlineData(2, new[] { -1f }, 1, "finite number of 0 or more")]
    [InlineData(2, new[] { float.NaN }, 1, "finite number of 0 or more")]
    [InlineData(2, new[] { float.PositiveInfinity }, 1, "finite number of 0 or more")]
    public void CheckFusion_NamesTheProblem(int k, float[]? weights, int rankings, string expected)
    {
        Assert.Contains(expected, ReciprocalRankFusion.CheckFusion(k, weights, rankings));
        Assert.Throws<ArgumentException>(() => ReciprocalRankFusion.Fuse(Enumerable.Repeat<IReadOnlyList<int>>([1], rankings).ToArray(), k, weights));
    }
}
