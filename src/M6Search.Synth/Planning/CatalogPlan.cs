using M6Search.Catalog.Queries;
using M6Search.Synth.Queries;

namespace M6Search.Synth.Planning;

/// <summary>A whole synthetic catalog decided in memory: products, training pairs and labeled queries, no images yet.</summary>
public sealed record CatalogPlan(IReadOnlyList<ProductPlan> Products, IReadOnlyList<TrainingPair> Pairs, IReadOnlyList<PlannedQuery> Queries);
