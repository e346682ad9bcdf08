namespace M6Search.Relevance.Export;

/// <summary>One line of the judgments export.</summary>
public sealed record JudgmentCsvRow(string Query, string ProductId, string Title, string Verdict, string UpdatedUtc);
