namespace M6Search.Search.Text;

/// <summary>Which of a query's words a product title has and which it lacks (normalised forms, query order).</summary>
public sealed record TitleCoverage(IReadOnlyList<string> MatchedWords, IReadOnlyList<string> MissingWords);
