using M6Search.Relevance.Ranking;

namespace M6Search.Relevance.Dashboard;

/// <summary>The shopper queries a dashboard analyses: the labeled set and the query log.</summary>
public interface IDashboardQueries
{
    /// <summary>The labeled queries (empty when there is no labeled set), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DashboardQuery>> LabeledAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>The most searched logged queries, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DashboardQuery>> LoggedAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>The trait words a query without labels names: every word of each vocabulary trait found in its text.</summary>
    IReadOnlyList<string> TraitWordsOf(string text);
}
