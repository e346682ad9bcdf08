namespace M6Search.Relevance.Ranking;

/// <summary>One of the merchant's products in a query's ranking, at its 1-based rank among all merchants' products.</summary>
public sealed record MerchantHit(string ProductId, string Title, int Rank);
