namespace M6Search.Evaluation.Ranking;

/// <summary>A row of a search (an index into the searched vectors) and its similarity to the query.</summary>
public readonly record struct ScoredIndex(int Index, float Score);
