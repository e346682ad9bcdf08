namespace M6Search.Evaluation.Metrics;

/// <summary>
/// The per-query ranking metrics (README, "Evaluation"). A ranking is a list of product ids, best first, without
/// repeats; judgments map product ids to grades (0 = not relevant, 1 = partly, 2 = fully); unjudged products count as
/// grade 0. A product is relevant when its grade is at least <see cref="RelevantGrade"/>.
/// </summary>
public static class RankingMetrics
{
    /// <summary>The lowest grade that counts as relevant for precision, recall and MRR.</summary>
    public const int RelevantGrade = 1;

    /// <summary>
    /// Discounted cumulative gain of the first <paramref name="k"/> results: the sum of (2^grade - 1) / log2(rank + 1)
    /// over 1-based ranks.
    /// </summary>
    public static double Dcg(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgments, int k)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(judgments);
        double dcg = 0;
        for (int i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            dcg += Gain(judgments.GetValueOrDefault(ranking[i])) / Math.Log2(i + 2);
        }

        return dcg;
    }

    /// <summary>
    /// DCG@k divided by the ideal DCG@k: the DCG of all judged products sorted by grade. 0 when no product has a
    /// positive grade (the evaluator leaves such queries out of its averages).
    /// </summary>
    public static double Ndcg(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgments, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentNullException.ThrowIfNull(judgments);
        double ideal = 0;
        int rank = 0;
        foreach (int grade in judgments.Values.Where(g => g > 0).OrderByDescending(g => g).Take(k))
        {
            ideal += Gain(grade) / Math.Log2(rank + 2);
            rank++;
        }

        return ideal == 0 ? 0 : Dcg(ranking, judgments, k) / ideal;
    }

    /// <summary>Relevant products among the first <paramref name="k"/> results, divided by k (a shorter ranking is not excused).</summary>
    public static double PrecisionAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgments, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return (double)CountRelevant(ranking, judgments, k) / k;
    }

    /// <summary>
    /// Relevant products among the first <paramref name="depth"/> results, divided by all relevant judged products;
    /// 0 when there are none.
    /// </summary>
    public static double RecallAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgments, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentNullException.ThrowIfNull(judgments);
        int relevant = judgments.Values.Count(g => g >= RelevantGrade);
        return relevant == 0 ? 0 : (double)CountRelevant(ranking, judgments, depth) / relevant;
    }

    /// <summary>1 / the 1-based rank of the first relevant result; 0 when the ranking holds none.</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgments)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(judgments);
        for (int i = 0; i < ranking.Count; i++)
        {
            if (judgments.GetValueOrDefault(ranking[i]) >= RelevantGrade)
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>How many of <paramref name="targets"/> appear among the first <paramref name="depth"/> results.</summary>
    public static int CountFound(IReadOnlyList<string> ranking, IReadOnlySet<string> targets, int depth)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(targets);
        int found = 0;
        for (int i = 0; i < Math.Min(depth, ranking.Count); i++)
        {
            if (targets.Contains(ranking[i]))
            {
                found++;
            }
        }

        return found;
    }

    private static int CountRelevant(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgments, int depth)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(judgments);
        int count = 0;
        for (int i = 0; i < Math.Min(depth, ranking.Count); i++)
        {
            if (judgments.GetValueOrDefault(ranking[i]) >= RelevantGrade)
            {
                count++;
            }
        }

        return count;
    }

    private static double Gain(int grade) => grade <= 0 ? 0 : Math.Pow(2, grade) - 1;
}
