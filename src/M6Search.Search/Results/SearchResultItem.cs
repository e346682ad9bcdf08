using M6Search.Catalog.Products;

namespace M6Search.Search.Results;

/// <summary>One result: the product, its score (fused RRF score, or cosine for single-vector searches) and why it matched.</summary>
public sealed record SearchResultItem(Product Product, float Score, MatchDetails? Match);
