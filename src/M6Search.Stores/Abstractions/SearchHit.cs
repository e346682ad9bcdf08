namespace M6Search.Stores.Abstractions;

/// <summary>A search result: the point and its score (cosine similarity, or the fused score for hybrid search).</summary>
public sealed record SearchHit(ProductPoint Point, float Score);
