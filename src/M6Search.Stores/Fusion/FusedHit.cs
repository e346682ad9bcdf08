namespace M6Search.Stores.Fusion;

/// <summary>One key of a fused ranking and its fused score (see <see cref="ReciprocalRankFusion"/>).</summary>
public readonly record struct FusedHit<TKey>(TKey Key, float Score);
