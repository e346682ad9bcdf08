using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded.Index;

namespace M6Search.Stores.Tests.Embedded.Index;

public sealed class SparseIndexTests
{
    [Fact]
    public void Search_SeesOnlyCurrentVectors_AfterManyReplacementsAndCompactions()
    {
        const int slots = 300;
        var index = new SparseIndex();
        index.EnsureCapacity(slots);
        var current = new SparseVector?[slots];
        var random = new Random(4);
        for (int round = 0; round < 20; round++)
        {
            for (int slot = 0; slot < slots; slot++)
            {
                if (random.Next(5) == 0)
                {
                    index.Remove(slot);
                    current[slot] = null;
                    continue;
                }

                uint[] terms = Enumerable.Range(0, 6).Select(_ => (uint)random.Next(40)).Distinct().Order().ToArray();
                var vector = new SparseVector(terms, terms.Select(_ => (float)random.NextDouble()).ToArray());
                index.Set(slot, vector);
                current[slot] = vector;
            }
        }

        var query = new SparseVector([3, 7, 11, 19], [1f, 0.5f, 2f, 1f]);
        ScoredSlot[] hits = index.Search(query, k: slots, scanLimit: slots, filter: null, CancellationToken.None);

        var expected = Enumerable.Range(0, slots)
            .Where(slot => current[slot] is SparseVector vector && vector.Indices.Intersect(query.Indices).Any())
            .Select(slot => new ScoredSlot(slot, current[slot]!.Dot(query)))
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => hit.Slot)
            .ToArray();
        Assert.Equal(expected.Select(hit => hit.Slot), hits.Select(hit => hit.Slot));
        Assert.Equal(current.Count(vector => vector is not null), index.Count);
    }
}
