namespace M6Search.Relevance.Judgments;

/// <summary>A merchant's verdict on one of its products for one shopper query (query text normalised).</summary>
public sealed record Judgment(string MerchantId, string Query, string ProductId, bool Relevant, DateTimeOffset UpdatedUtc);
