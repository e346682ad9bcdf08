using M6Search.Catalog.Queries;

namespace M6Search.Synth.Queries;

/// <summary>A labeled query together with the intent it was generated from.</summary>
public sealed record PlannedQuery(QueryIntent Intent, LabeledQuery Query);
