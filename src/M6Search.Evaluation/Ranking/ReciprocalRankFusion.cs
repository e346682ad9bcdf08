namespace M6Search.Evaluation.Ranking;

/// <summary>
/// Reciprocal-rank fusion (Cormack, Clarke and Buettcher, SIGIR 2009): a product at 1-based rank r in a ranking adds
/// 1 / (k + r) to its score, or 1 / (k + r / w) when the ranking has weight w (Qdrant 1.19's weighted "rrf": a
/// weight divides the ranks, so w = 2 counts rank 4 as rank 2; weight 0 leaves the ranking out); products are
/// ordered by the sum. It needs no score calibration between BM25 and cosine,
/// and k damps the weight of the very top ranks. The default, 1, is the web app's own fusion: Qdrant's "rrf" with its
/// default k = 2 over 0-based positions, 1 / (2 + (r - 1)).
/// </summary>
public static class ReciprocalRankFusion
{
    /// <summary>The app's constant in 1-based ranks (Qdrant's default k = 2 in 0-based positions).</summary>
    public const int DefaultK = 1;

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
                double contribution = 1.0 / (k + (rank / weight));
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
