namespace M6Search.Evaluation.Corpus;

/// <summary>How far embedding has come: <paramref name="Stage"/> is "images", "titles" or "queries".</summary>
public sealed record EmbeddingProgress(string Stage, int Done, int Total);
