namespace M6Search.Relevance.Judgments;

/// <summary>
/// Relevance judgments, always scoped to one merchant: no method reads or writes another merchant's judgments.
/// Query texts are normalised (<see cref="Ranking.QueryText.Normalize"/>) before they are stored or looked up.
/// </summary>
public interface IJudgmentStore
{
    /// <summary>Records (or replaces) the merchant's verdict on a product for a query.</summary>
    Task SetAsync(string merchantId, string query, string productId, bool relevant, CancellationToken cancellationToken = default);

    /// <summary>Forgets the verdict; false when there was none.</summary>
    Task<bool> RemoveAsync(string merchantId, string query, string productId, CancellationToken cancellationToken = default);

    /// <summary>All of the merchant's judgments, by query then product.</summary>
    Task<IReadOnlyList<Judgment>> ListAsync(string merchantId, CancellationToken cancellationToken = default);
}
