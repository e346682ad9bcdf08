namespace M6Search.Relevance.Ranking;

/// <summary>Ranks the whole catalog for a shopper query, as the shopper would see it.</summary>
public interface IQueryRanker
{
    /// <summary>The first <paramref name="depth"/> product ids, best first.</summary>
    Task<IReadOnlyList<string>> RankAsync(string query, int depth, CancellationToken cancellationToken = default);
}
