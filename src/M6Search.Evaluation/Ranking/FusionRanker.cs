using M6Search.Evaluation.Corpus;

namespace M6Search.Evaluation.Ranking;

/// <summary>Ranks by <see cref="ReciprocalRankFusion"/> of other rankers' lists (the hybrid mode).</summary>
public sealed class FusionRanker : IQueryRanker
{
    private readonly IReadOnlyList<IQueryRanker> _rankers;
    private readonly int _k;
    private readonly int _candidateDepth;
    private readonly IReadOnlyList<double>? _weights;

    /// <param name="rankers">The rankings to fuse.</param>
    /// <param name="k">The RRF constant.</param>
    /// <param name="candidateDepth">How many products each ranker contributes; never less than the requested depth.</param>
    /// <param name="weights">One weight per ranker (see <see cref="ReciprocalRankFusion.Fuse"/>); null: all 1.</param>
    public FusionRanker(
        IReadOnlyList<IQueryRanker> rankers, int k = ReciprocalRankFusion.DefaultK, int candidateDepth = 1000, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(rankers);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(candidateDepth, 1);
        if (rankers.Count == 0)
        {
            throw new ArgumentException("Fusion needs at least one ranker.", nameof(rankers));
        }

        if (weights is not null && weights.Count != rankers.Count)
        {
            throw new ArgumentException($"Got {weights.Count} weights for {rankers.Count} rankers.", nameof(weights));
        }

        _rankers = rankers;
        _weights = weights;
        _k = k;
        _candidateDepth = candidateDepth;
    }

    public IReadOnlyList<string> Rank(EvaluationQuery query, int depth)
    {
        int candidates = Math.Max(depth, _candidateDepth);
        IReadOnlyList<string>[] lists = _rankers.Select(r => r.Rank(query, candidates)).ToArray();
        return ReciprocalRankFusion.Fuse(lists, _k, depth, _weights);
    }
}
