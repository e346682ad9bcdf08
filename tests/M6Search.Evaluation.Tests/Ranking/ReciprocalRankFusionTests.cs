using M6Search.Evaluation.Ranking;
using M6Search.Stores.Abstractions;
using M6Search.Evaluation.Tests.TestDoubles;

namespace M6Search.Evaluation.Tests.Ranking;

public class ReciprocalRankFusionTests
{
    [Fact]
    public void Fuse_OrdersBySummedReciprocalRanks_WithKSixty()
    {
        // a: 1/61 = .01639; b: 1/62 + 1/61 = .03252; c: 1/63 + 1/62 = .03200; d: 1/63 = .01587
        IReadOnlyList<string> fused = ReciprocalRankFusion.Fuse([["a", "b", "c"], ["b", "c", "d"]], k: 60);

        Assert.Equal(["b", "c", "a", "d"], fused);
    }

    [Fact]
    public void Fuse_LetsATopRankWin_WhenKIsZero()
    {
        // a: 1/1 = 1; b: 1/2 + 1/1 = 1.5; c: 1/3 + 1/2 = .833; d: 1/3. With k = 0 the single first place beats c.
        IReadOnlyList<string> fused = ReciprocalRankFusion.Fuse([["a", "b", "c"], ["b", "c", "d"]], k: 0);

        Assert.Equal(["b", "a", "c", "d"], fused);
    }

    [Fact]
    public void Fuse_BreaksEqualScoresByBestRankThenId()
    {
        // x and z both score 1/61 with best rank 1: ordinal id decides. y (1/62) follows. w: 1/62 too, id after y.
        IReadOnlyList<string> fused = ReciprocalRankFusion.Fuse([["z", "y"], ["x", "w"]], k: 60);

        Assert.Equal(["x", "z", "w", "y"], fused);
    }

    [Fact]
    public void Fuse_StopsAtDepth()
    {
        Assert.Equal(["b", "c"], ReciprocalRankFusion.Fuse([["a", "b", "c"], ["b", "c", "d"]], k: 60, depth: 2));
    }

    [Fact]
    public void FusionRanker_FusesOnlyTheCandidateDepthOfEachRanker()
    {
        var query = Judged.Eval(Judged.Query("q", "mug", "en", [], ("a", 1)));
        var first = new FixedRanker(new Dictionary<string, string[]> { ["q"] = ["a", "b", "c"] });
        var second = new FixedRanker(new Dictionary<string, string[]> { ["q"] = ["b", "c", "d"] });

        // Candidate depth 2 fuses [a, b] and [b, c]: b = 1/61 + 1/62, a = 1/61, c = 1/62.
        // Candidate depth 3 fuses the whole lists, where c's two appearances beat a's one (as above).
        Assert.Equal(["b", "a"], new FusionRanker([first, second], k: 60, candidateDepth: 2).Rank(query, depth: 2));
        Assert.Equal(["b", "c"], new FusionRanker([first, second], k: 60, candidateDepth: 3).Rank(query, depth: 2));
    }
    [Fact]
    public void A_weighted_ranking_counts_its_weight_times_its_reciprocal_ranks()
    {
        // k = 1. Unweighted, b (first in one ranking) and a (first in the other) tie at 1/2 and the id decides: a.
        // A weight divides the ranks: weighting b's ranking 2 gives b 1/(1 + 1/2) = .667 against a's .5.
        Assert.Equal(["a", "b"], ReciprocalRankFusion.Fuse([["b"], ["a"]], k: 1));
        Assert.Equal(["b", "a"], ReciprocalRankFusion.Fuse([["b"], ["a"]], k: 1, weights: [2, 1]));
        Assert.Equal(["a", "b"], ReciprocalRankFusion.Fuse([["b"], ["a"]], k: 1, weights: [1, 2]));

        // Rank 4 at weight 2 counts as rank 2: c (rank 4, weight 2) ties with d (rank 2, weight 1) at 1/3, as x (rank 2,
        // weight 2) ties with z (rank 1, weight 1) at 1/2; ties go to the better single rank.
        Assert.Equal(
            ["w", "z", "x", "y", "d", "c"],
            ReciprocalRankFusion.Fuse([["w", "x", "y", "c"], ["z", "d"]], k: 1, weights: [2, 1]));

        // A ranking weighted 0 adds nothing, not even candidates.
        Assert.Equal(["a", "b", "c"], ReciprocalRankFusion.Fuse([["a", "b", "c"], ["b", "c", "d"]], k: 60, weights: [1, 0]));
    }

    [Fact]
    public void Weights_must_match_the_rankings_and_be_non_negative()
    {
        Assert.Throws<ArgumentException>(() => ReciprocalRankFusion.Fuse([["a"], ["b"]], weights: [1]));
        Assert.Throws<ArgumentException>(() => ReciprocalRankFusion.Fuse([["a"], ["b"]], weights: [1, -1]));
        Assert.Throws<ArgumentException>(() => ReciprocalRankFusion.Fuse([["a"], ["b"]], weights: [1, double.NaN]));
    }
    [Fact]
    public void The_default_constant_is_the_apps_fusion_counted_from_rank_one()
    {
        // The stores (and Qdrant) add 1 / (k + position) with position 0 for the best hit; here ranks start at 1.
        Assert.Equal(HybridQuery.DefaultRrfK - 1, ReciprocalRankFusion.DefaultK);
        Assert.Equal(ReciprocalRankFusion.DefaultK, new EvaluationOptions().RrfK);
    }
}
