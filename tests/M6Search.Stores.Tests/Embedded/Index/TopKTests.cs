using M6Search.Stores.Embedded.Index;

namespace M6Search.Stores.Tests.Embedded.Index;

public sealed class TopKTests
{
    [Fact]
    public void TopK_KeepsTheBestScores_BestFirst_AndPrefersTheLowerSlotOnTies()
    {
        var random = new Random(3);
        float[] scores = Enumerable.Range(0, 500).Select(_ => (float)Math.Round(random.NextDouble(), 2)).ToArray();
        var top = new TopK(20);

        for (int slot = scores.Length - 1; slot >= 0; slot--)
        {
            top.Add(slot, scores[slot]);
        }

        ScoredSlot[] expected = scores.Select((score, slot) => new ScoredSlot(slot, score))
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => hit.Slot)
            .Take(20)
            .ToArray();
        Assert.Equal(expected, top.ToSortedArray());
    }
}
