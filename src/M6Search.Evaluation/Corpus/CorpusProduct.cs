namespace M6Search.Evaluation.Corpus;

/// <summary>What the evaluator keeps of a catalog product: its id, the title (for BM25 and trait checks), the language.</summary>
public sealed record CorpusProduct(string Id, string Title, string? Lang);
