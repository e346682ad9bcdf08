using M6Search.Stores.Abstractions;

namespace M6Search.Stores.Embedded.Index;

/// <summary>
/// Reciprocal-rank fusion as Qdrant 1.19 computes its "rrf" fusion (unweighted): every ranking adds
/// 1 / (k + position) to each of its points, position 0 for its best hit; points are returned by fused score, highest
/// first (ties broken by slot so the order is deterministic; Qdrant leaves ties unordered).
/// </summary>
internal static class ReciprocalRankFusion
{
    public static ScoredSlot[] Fuse(IReadOnlyList<IReadOnlyList<ScoredSlot>> rankings, int k = HybridQuery.DefaultRrfK)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var fused = new Dictionary<int, float>();
        foreach (IReadOnlyList<ScoredSlot> ranking in rankings)
        {
            for (int position = 0; position < ranking.Count; position++)
            {
                // Computed in float like Qdrant, so equal inputs give bit-equal scores.
                float contribution = 1f / (position + k);
                int slot = ranking[position].Slot;
                fused[slot] = fused.GetValueOrDefault(slot) + contribution;
            }
        }

        ScoredSlot[] result = fused.Select(entry => new ScoredSlot(entry.Key, entry.Value)).ToArray();
        Array.Sort(result, TopK.CompareBestFirst);
        return result;
    }
}
