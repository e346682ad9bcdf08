using M6Search.Catalog.Queries;

namespace M6Search.Synth.Queries;

/// <summary>A labeled query together with the intent it was generated from.</summary>
/// <param name="HeldOut">The same query (id, relevance, traits) worded with held-out words (queries.heldout.jsonl).</param>
public sealed record PlannedQuery(QueryIntent Intent, LabeledQuery Query, LabeledQuery HeldOut);
