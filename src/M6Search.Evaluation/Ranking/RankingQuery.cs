namespace M6Search.Evaluation.Ranking;

/// <summary>A query to rank the catalog for: what the shopper typed and, when known, its language ("en", "zh").</summary>
public sealed record RankingQuery(string Text, string? Lang = null);
