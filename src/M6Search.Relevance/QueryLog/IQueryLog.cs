namespace M6Search.Relevance.QueryLog;

/// <summary>
/// The shopper query log: the search page and API record each text search here (text and time only, nothing about
/// the shopper); the merchant dashboard reads the most frequent queries.
/// </summary>
public interface IQueryLog
{
    /// <summary>Records one search; blank queries are ignored.</summary>
    Task RecordAsync(string query, CancellationToken cancellationToken = default);

    /// <summary>The most searched queries, most frequent first.</summary>
    Task<IReadOnlyList<LoggedQuery>> TopAsync(int limit, CancellationToken cancellationToken = default);
}
