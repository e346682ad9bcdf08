using M6Search.Evaluation.Metrics;

namespace M6Search.Evaluation.Reports;

/// <summary>Macro-averages per-query metrics into mode x language rows and compares hidden-trait recall with the baseline.</summary>
public static class MetricsAggregator
{
    /// <summary>The modes compared with the title baseline.</summary>
    public static IReadOnlyList<RetrievalMode> ComparedModes { get; } = [RetrievalMode.Image, RetrievalMode.Hybrid];

    /// <summary>
    /// One row per mode and language (languages in ordinal order) followed by the mode's <c>all</c> row. Queries with
    /// no relevant product are counted in <see cref="MetricsRow.SkippedQueries"/> and left out of every mean;
    /// hidden-trait recall is averaged over the queries that have hidden-trait products.
    /// </summary>
    public static IReadOnlyList<MetricsRow> Rows(IEnumerable<QueryMetrics> perQuery)
    {
        ArgumentNullException.ThrowIfNull(perQuery);
        var rows = new List<MetricsRow>();
        foreach (IGrouping<RetrievalMode, QueryMetrics> mode in perQuery.GroupBy(q => q.Mode).OrderBy(g => g.Key))
        {
            foreach (IGrouping<string, QueryMetrics> lang in mode.GroupBy(q => q.Lang).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                rows.Add(Row(mode.Key, lang.Key, lang.ToArray()));
            }

            rows.Add(Row(mode.Key, MetricsRow.AllLanguages, mode.ToArray()));
        }

        return rows;
    }

    /// <summary>Row for a mode and language over the given queries.</summary>
    public static MetricsRow Row(RetrievalMode mode, string lang, IReadOnlyList<QueryMetrics> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        QueryMetrics[] judged = queries.Where(q => q.RelevantProducts > 0).ToArray();
        QueryMetrics[] hidden = judged.Where(q => q.HiddenTraitProducts > 0).ToArray();
        return new MetricsRow
        {
            Mode = mode,
            Lang = lang,
            Queries = judged.Length,
            SkippedQueries = queries.Count - judged.Length,
            Ndcg = Mean(judged, q => q.Ndcg),
            Precision = Mean(judged, q => q.Precision),
            Recall = Mean(judged, q => q.Recall),
            Mrr = Mean(judged, q => q.ReciprocalRank),
            HiddenTraitRecall = Mean(hidden, q => q.HiddenTraitRecall!.Value),
            HiddenTraitQueries = hidden.Length,
            HiddenTraitProducts = hidden.Sum(q => q.HiddenTraitProducts),
            HiddenTraitFound = hidden.Sum(q => q.HiddenTraitFound),
        };
    }

    /// <summary>
    /// For each language row where both the title baseline and a compared mode have a hidden-trait recall: their
    /// values and ratio (null when the baseline is 0).
    /// </summary>
    public static IReadOnlyList<HiddenTraitComparison> Comparisons(IReadOnlyList<MetricsRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var comparisons = new List<HiddenTraitComparison>();
        foreach (MetricsRow baseline in rows.Where(r => r.Mode == RetrievalMode.Title && r.HiddenTraitRecall is not null))
        {
            foreach (RetrievalMode mode in ComparedModes)
            {
                MetricsRow? row = rows.FirstOrDefault(r => r.Mode == mode && r.Lang == baseline.Lang);
                if (row?.HiddenTraitRecall is not double recall)
                {
                    continue;
                }

                double baselineRecall = baseline.HiddenTraitRecall!.Value;
                comparisons.Add(new HiddenTraitComparison
                {
                    Mode = mode,
                    Baseline = RetrievalMode.Title,
                    Lang = baseline.Lang,
                    HiddenTraitRecall = recall,
                    BaselineHiddenTraitRecall = baselineRecall,
                    Ratio = baselineRecall > 0 ? recall / baselineRecall : null,
                });
            }
        }

        return comparisons;
    }

    private static double? Mean(IReadOnlyCollection<QueryMetrics> queries, Func<QueryMetrics, double> metric) =>
        queries.Count == 0 ? null : queries.Average(metric);
}
