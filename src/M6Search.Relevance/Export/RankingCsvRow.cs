namespace M6Search.Relevance.Export;

/// <summary>One line of the rankings export: where one of the merchant's products ranks for one query.</summary>
public sealed record RankingCsvRow(string Query, string Source, string ProductId, string Title, int Rank);
