namespace M6Search.Search.Results;

/// <summary>How one retrieval channel (image, text or lexical) saw a result.</summary>
/// <param name="Rank">1-based rank in the channel's candidate list; null when the product was not among its candidates.</param>
/// <param name="Score">Cosine similarity (image, text) or sparse dot product (lexical) of the query and the product.</param>
/// <param name="Contribution">
/// What the channel added to the fused score: the fusion's position score of its rank (1 / (k + rank - 1) at weight 1,
/// Stores.Fusion.ReciprocalRankFusion), or 0 without a rank.
/// </param>
public sealed record ChannelMatch(int? Rank, float Score, double Contribution);
