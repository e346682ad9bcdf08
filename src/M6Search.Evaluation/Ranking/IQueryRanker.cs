namespace M6Search.Evaluation.Ranking;

/// <summary>
/// Ranks the catalog for a query: the search service in one of its channel settings (<see cref="SearchServiceRanker"/>,
/// what shoppers get) or the title baseline (<see cref="Baseline.Bm25TitleRanker"/>). The evaluator and the merchant
/// dashboard both measure rankings through it.
/// </summary>
public interface IQueryRanker
{
    /// <summary>At most <paramref name="depth"/> distinct product ids, best first.</summary>
    Task<IReadOnlyList<string>> RankAsync(RankingQuery query, int depth, CancellationToken cancellationToken = default);
}
