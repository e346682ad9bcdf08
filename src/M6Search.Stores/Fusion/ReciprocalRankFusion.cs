namespace M6Search.Stores.Fusion;

/// <summary>
/// Reciprocal-rank fusion exactly as Qdrant 1.19 computes its <c>rrf</c> fusion (Cormack, Clarke and Buettcher, SIGIR
/// 2009, with Qdrant's conventions), the one fusion of M6Search: the embedded store fuses with it, the Qdrant store asks
/// Qdrant for the same (<c>Rrf { k, weights }</c>), and the search service explains its results with it.
/// <list type="bullet">
/// <item>Positions are 0-based: a ranking's best hit is at position 0.</item>
/// <item>A hit at position p of a ranking of weight w adds <c>1 / ((p + 1) / w + k - 1)</c>, computed in single
/// precision in that order; with w = 1 that is <c>1 / (p + k)</c>. A weight above 1 compresses the ranks (w = 3 counts
/// position 2 as position 0 would count with w = 1), below 1 stretches them.</item>
/// <item>k defaults to <see cref="DefaultK"/> (Qdrant's <c>DEFAULT_RRF_K</c>, 2).</item>
/// <item>A ranking of weight 0 adds nothing, yet its hits are still candidates, with whatever the other rankings give
/// them (0 when nothing).</item>
/// <item>Scores are summed ranking by ranking, in the order the rankings are given; the result is ordered by fused
/// score, highest first. Qdrant leaves equal scores in no defined order; here they keep the order of
/// <c>tieBreak</c>, or of first appearance.</item>
/// </list>
/// </summary>
public static class ReciprocalRankFusion
{
    /// <summary>Qdrant's default k for <c>rrf</c> fusion.</summary>
    public const int DefaultK = 2;

    /// <summary>What one hit adds to its fused score: <c>1 / ((position + 1) / weight + k - 1)</c>; 0 when the weight is 0.</summary>
    /// <param name="position">0-based position in its ranking.</param>
    /// <param name="k">The fusion constant (at least 1).</param>
    /// <param name="weight">The ranking's weight (a finite number of 0 or more).</param>
    public static float PositionScore(int position, int k = DefaultK, float weight = 1f)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        if (weight <= 0f)
        {
            return 0f;
        }

        // The same single-precision operations in the same order as Qdrant, so equal inputs give bit-equal scores.
        return 1f / (((position + 1) / weight) + k - 1f);
    }

    /// <summary>
    /// Fuses rankings of keys (each best first, without repeats) into one, highest fused score first.
    /// </summary>
    /// <param name="rankings">The rankings, in fusion order.</param>
    /// <param name="k">The fusion constant (at least 1).</param>
    /// <param name="weights">One weight per ranking (finite, 0 or more); null: every ranking weighs 1.</param>
    /// <param name="tieBreak">Orders keys of equal fused score; null: the order in which the keys first appear.</param>
    /// <exception cref="ArgumentException">k is below 1, or the weights do not match the rankings (see <see cref="CheckFusion"/>).</exception>
    public static IReadOnlyList<FusedHit<TKey>> Fuse<TKey>(
        IReadOnlyList<IReadOnlyList<TKey>> rankings, int k = DefaultK, IReadOnlyList<float>? weights = null, IComparer<TKey>? tieBreak = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(rankings);
        string? problem = CheckFusion(k, weights, rankings.Count);
        if (problem is not null)
        {
            throw new ArgumentException(problem, weights is null ? nameof(k) : nameof(weights));
        }

        var scores = new Dictionary<TKey, (float Score, int FirstSeen)>();
        for (int r = 0; r < rankings.Count; r++)
        {
            float weight = weights?[r] ?? 1f;
            IReadOnlyList<TKey> ranking = rankings[r];
            for (int position = 0; position < ranking.Count; position++)
            {
                float score = PositionScore(position, k, weight);
                TKey key = ranking[position];
                scores[key] = scores.TryGetValue(key, out var seen) ? (seen.Score + score, seen.FirstSeen) : (score, scores.Count);
            }
        }

        var fused = scores.Select(entry => (Key: entry.Key, entry.Value.Score, entry.Value.FirstSeen)).ToArray();
        Array.Sort(fused, (a, b) =>
        {
            int byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            return tieBreak is null ? a.FirstSeen.CompareTo(b.FirstSeen) : tieBreak.Compare(a.Key, b.Key);
        });
        return fused.Select(hit => new FusedHit<TKey>(hit.Key, hit.Score)).ToArray();
    }

    /// <summary>
    /// The first problem with a fusion's settings, or null when they are valid: k below 1, a weight that is negative,
    /// NaN or infinite, or a number of weights other than <paramref name="rankings"/> (Qdrant rejects that too).
    /// </summary>
    public static string? CheckFusion(int k, IReadOnlyList<float>? weights, int rankings)
    {
        if (k < 1)
        {
            return $"the RRF k must be at least 1, not {k}.";
        }

        if (weights is null)
        {
            return null;
        }

        if (weights.Count != rankings)
        {
            return $"the fusion has {rankings} rankings but {weights.Count} weights; give one weight per ranking.";
        }

        foreach (float weight in weights)
        {
            if (!float.IsFinite(weight) || weight < 0f)
            {
                return $"a fusion weight must be a finite number of 0 or more, not {weight}.";
            }
        }

        return null;
    }
}
