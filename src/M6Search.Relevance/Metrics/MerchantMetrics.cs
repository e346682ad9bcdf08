using M6Search.Catalog.Queries;
using M6Search.Evaluation.Metrics;
using M6Search.Relevance.Ranking;

namespace M6Search.Relevance.Metrics;

/// <summary>
/// Relevance metrics of one merchant, computed on the ranking shoppers see (every merchant's products) with only the
/// merchant's own products judged; everyone else's products count as grade 0.
/// <list type="bullet">
/// <item>nDCG@10: the DCG of the merchant's relevant products at their places in the shared top 10, divided by the DCG
/// they would have at ranks 1, 2, ... (so 1.0 means its relevant products lead the page). Queries where the merchant
/// has no relevant product are left out of the mean.</item>
/// <item>Hidden-trait recall@depth: of the merchant's relevant products whose titles name none of the query's traits,
/// the share within the ranking's depth (100 on the dashboard), pooled over queries.</item>
/// </list>
/// Reuses <see cref="RankingMetrics"/> and <see cref="HiddenTraits"/> of the offline evaluation.
/// </summary>
public static class MerchantMetrics
{
    /// <summary>Ranks whose gain nDCG counts.</summary>
    public const int NdcgDepth = 10;

    /// <summary>The metrics of one query from the merchant's grades (product id to grade; others' products ignored).</summary>
    /// <param name="merchantGrades">Grades of the merchant's products only (0 not relevant, 1 or 2 relevant).</param>
    /// <param name="titleOf">The title of one of the merchant's products, or null when unknown.</param>
    public static MerchantQueryMetrics ForQuery(
        QueryRanking ranking,
        IReadOnlyDictionary<string, int> merchantGrades,
        Func<string, string?> titleOf)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(merchantGrades);
        ArgumentNullException.ThrowIfNull(titleOf);
        var relevant = merchantGrades.Where(g => g.Value >= RankingMetrics.RelevantGrade).Select(g => g.Key).ToList();
        var asLabels = new LabeledQuery
        {
            Id = ranking.Query.Text,
            Text = ranking.Query.Text,
            Lang = "",
            Traits = ranking.Query.TraitWords,
            Relevance = merchantGrades.Where(g => titleOf(g.Key) is not null).ToDictionary(g => g.Key, g => g.Value),
        };
        IReadOnlySet<string> hidden = HiddenTraits.Products(asLabels, titleOf);
        return new MerchantQueryMetrics
        {
            QueryText = ranking.Query.Text,
            Source = ranking.Query.Source,
            RelevantProducts = relevant.Count,
            Ndcg = relevant.Count == 0 ? 0 : RankingMetrics.Ndcg(ranking.Ranking, merchantGrades, NdcgDepth),
            HiddenTraitProducts = hidden.Count,
            HiddenTraitFound = RankingMetrics.CountFound(ranking.Ranking, hidden, ranking.Ranking.Count),
        };
    }

    /// <summary>The labeled grades of the merchant's products for a labeled query (empty for logged queries).</summary>
    public static IReadOnlyDictionary<string, int> LabeledGrades(DashboardQuery query, IReadOnlySet<string> merchantProducts)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(merchantProducts);
        return query.Labels is null
            ? new Dictionary<string, int>()
            : query.Labels.Relevance.Where(r => merchantProducts.Contains(r.Key)).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
    }
}
