using M6Search.Stores.Embedded.Index;

namespace M6Search.Stores.Tests.Embedded.Index;

public sealed class ReciprocalRankFusionTests
{
    [Fact]
    public void Fuse_GivesQdrantsScores_ForThreeRankingsWithTheDefaultK()
    {
        // The rankings and the float scores of Qdrant 1.19's own RRF unit test (lib/segment, reciprocal_rank_fusion.rs).
        IReadOnlyList<ScoredSlot>[] rankings =
        [
            [new(2, 0.9f), new(1, 0.8f)],
            [new(1, 0.7f), new(2, 0.6f), new(3, 0.5f)],
            [new(5, 0.9f), new(3, 0.5f), new(1, 0.4f)],
        ];

        ScoredSlot[] fused = ReciprocalRankFusion.Fuse(rankings);

        Assert.Equal([new(1, 1.0833334f), new(2, 0.8333334f), new(3, 0.5833334f), new(5, 0.5f)], fused);
    }

    [Fact]
    public void Fuse_IgnoresTheInputScores_AndUsesOnlyPositions()
    {
        IReadOnlyList<ScoredSlot>[] rankings = [[new(7, -100f), new(8, 100f)]];

        ScoredSlot[] fused = ReciprocalRankFusion.Fuse(rankings, k: 60);

        Assert.Equal([new(7, 1f / 60), new(8, 1f / 61)], fused);
    }
}
