namespace M6Search.Evaluation.Ranking;

/// <summary>
/// Reciprocal-rank fusion (Cormack, Clarke and Buettcher, SIGIR 2009): a product at 1-based rank r in a ranking adds
/// 1 / (k + r) to its score (w / (k + r) when the ranking has weight w); products are ordered by the sum. It needs no score calibration between BM25 and cosine,
/// and k (60 by default) damps the weight of the very top ranks.
/// </summary>
public static class ReciprocalRankFusion
{
    /// <summary>The customary constant.</summary>
    public const int DefaultK = 60;

    /// <summary>
    /// Fuses rankings of product ids. Equal sums are ordered by the best single rank the product reached, then by
    /// ordinal id, so the result is deterministic.
    /// </summary>
    /// <param name="rankings">Each best first, without repeats.</param>
    /// <param name="k">The fusion constant (0 or more).</param>
    /// <param name="depth">How many fused ids to return.</param>
    /// <param name="weights">One per ranking, each 0 or more, multiplying that ranking's contributions; null: all 1.</param>
    public static IReadOnlyList<string> Fuse(
        IReadOnlyList<IReadOnlyList<string>> rankings, int k = DefaultK, int depth = int.MaxValue, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 0);
        if (weights is not null && (weights.Count != rankings.Count || weights.Any(w => !double.IsFinite(w) || w < 0)))
        {
            throw new ArgumentException($"Expected {rankings.Count} finite weights of 0 or more, one per ranking.", nameof(weights));
        }

        var fused = new Dictionary<string, (double Score, int BestRank)>(StringComparer.Ordinal);
        for (int r = 0; r < rankings.Count; r++)
        {
            IReadOnlyList<string> ranking = rankings[r];
            double weight = weights?[r] ?? 1;
            if (weight == 0)
            {
                continue;
            }

            for (int i = 0; i < ranking.Count; i++)
            {
                int rank = i + 1;
                double contribution = weight / (k + rank);
                fused[ranking[i]] = fused.TryGetValue(ranking[i], out var seen)
                    ? (seen.Score + contribution, Math.Min(seen.BestRank, rank))
                    : (contribution, rank);
            }
        }

        return fused
            .OrderByDescending(p => p.Value.Score)
            .ThenBy(p => p.Value.BestRank)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(depth)
            .Select(p => p.Key)
            .ToArray();
    }
}
