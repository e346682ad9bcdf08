using M6Search.Catalog.Queries;

namespace M6Search.Evaluation.Corpus;

/// <summary>A labeled query with its text embedding (null when no model is used, as in the title-only mode).</summary>
public sealed record EvaluationQuery(LabeledQuery Query, float[]? Embedding = null);
