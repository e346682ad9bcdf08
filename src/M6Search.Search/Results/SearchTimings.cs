namespace M6Search.Search.Results;

/// <summary>Where a search spent its time, in milliseconds.</summary>
/// <param name="EmbeddingMs">Embedding the query (text or image); 0 when a stored vector was used.</param>
/// <param name="StoreMs">The fused store search.</param>
/// <param name="DetailsMs">The per-channel searches and word comparison behind the match details.</param>
public sealed record SearchTimings(double EmbeddingMs, double StoreMs, double DetailsMs);
