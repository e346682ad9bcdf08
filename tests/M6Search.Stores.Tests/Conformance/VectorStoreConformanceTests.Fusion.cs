using M6Search.Stores.Abstractions;
using static M6Search.Stores.Tests.Conformance.ConformanceData;

namespace M6Search.Stores.Tests.Conformance;

/// <summary>
/// Fusion across stores: a store's hybrid ranking must be the reciprocal-rank fusion of its own single-search
/// rankings, computed here independently with Qdrant 1.19's formula (0-based position p, k, weight w:
/// 1 / ((p + 1) / w + k - 1)). Every store passing it orders the same candidates identically.
/// </summary>
public abstract partial class VectorStoreConformanceTests
{
    [SkippableTheory]
    [InlineData(2, false)]
    [InlineData(60, false)]
    [InlineData(2, true)]
    [InlineData(5, true)]
    public async Task HybridSearch_RanksLikeTheRrfOfTheStoresOwnSingleSearchRankings(int k, bool weighted)
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        var random = new Random(23);
        List<ProductPoint> points = Enumerable.Range(0, 40)
            .Select(i => Point(Product($"f-{i:D2}"), RandomUnit(random), RandomUnit(random), RandomSparse(random)))
            .ToList();
        await store.UpsertAsync(points, Timeout);
        var query = new HybridQuery
        {
            Dense = new Dictionary<string, float[]> { [CollectionSchema.ImageVector] = RandomUnit(random), [CollectionSchema.TextVector] = RandomUnit(random) },
            Lexical = new SparseVector([1, 3, 5, 7], [1f, 0.5f, 2f, 0.25f]),
            PrefetchLimit = 12,
            Limit = 15,
            RrfK = k,
            Weights = weighted
                ? new Dictionary<string, float> { [CollectionSchema.ImageVector] = 1.5f, [CollectionSchema.TextVector] = 0.5f, [CollectionSchema.LexicalVector] = 2f }
                : null,
        };

        IReadOnlyList<SearchHit> hybrid = await store.HybridSearchAsync(query, Timeout);
        List<List<string>> rankings = await SingleSearchRankingsAsync(store, query);

        // Rankings in fusion order: image, text, lexical.
        double[]? weights = weighted ? [1.5, 0.5, 2] : null;
        AssertFusedOrder(Fuse(rankings, k, weights), hybrid, query.Limit);
    }

    /// <summary>Each search of the query on its own, as the store ranks it, cut at the prefetch limit.</summary>
    private async Task<List<List<string>>> SingleSearchRankingsAsync(IProductVectorStore store, HybridQuery query)
    {
        var rankings = new List<List<string>>();
        foreach ((string name, float[] vector) in query.Dense.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            IReadOnlyList<SearchHit> hits = await store.SearchAsync(new VectorQuery { Using = name, Vector = vector, Limit = query.PrefetchLimit }, Timeout);
            rankings.Add(hits.Select(hit => hit.Point.Product.Id).ToList());
        }

        if (query.Lexical is { } lexical)
        {
            // A lexical-only hybrid query fuses one ranking, which keeps its order (1 / (p + k) falls with p).
            IReadOnlyList<SearchHit> hits = await store.HybridSearchAsync(
                new HybridQuery { Lexical = lexical, PrefetchLimit = query.PrefetchLimit, Limit = query.PrefetchLimit }, Timeout);
            rankings.Add(hits.Select(hit => hit.Point.Product.Id).ToList());
        }

        return rankings;
    }

    private static List<(string Id, double Score)> Fuse(List<List<string>> rankings, int k, IReadOnlyList<double>? weights = null)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int list = 0; list < rankings.Count; list++)
        {
            double weight = weights?[list] ?? 1;
            for (int position = 0; position < rankings[list].Count; position++)
            {
                double add = weight <= 0 ? 0 : 1 / (((position + 1) / weight) + k - 1);
                scores[rankings[list][position]] = scores.GetValueOrDefault(rankings[list][position]) + add;
            }
        }

        return scores.Select(pair => (pair.Key, pair.Value)).OrderByDescending(hit => hit.Value).ToList();
    }

    /// <summary>Same scores position by position, and each hit scored as the fusion scores it; ties may come in any order.</summary>
    private static void AssertFusedOrder(List<(string Id, double Score)> expected, IReadOnlyList<SearchHit> actual, int limit)
    {
        Dictionary<string, double> expectedScores = expected.ToDictionary(hit => hit.Id, hit => hit.Score, StringComparer.Ordinal);
        Assert.Equal(Math.Min(limit, expected.Count), actual.Count);
        for (int i = 0; i < actual.Count; i++)
        {
            string id = actual[i].Point.Product.Id;
            Assert.True(expectedScores.ContainsKey(id), $"hit {i} ({id}) is in none of the single-search rankings");
            Assert.True(
                Math.Abs(expected[i].Score - actual[i].Score) < 1e-5 && Math.Abs(expectedScores[id] - actual[i].Score) < 1e-5,
                $"hit {i}: {id} scored {actual[i].Score}; the fusion gives it {expectedScores[id]}, and {expected[i].Score} at this position");
        }

        Assert.Equal(actual.Count, actual.Select(hit => hit.Point.Product.Id).Distinct().Count());
    }

    private static SparseVector RandomSparse(Random random)
    {
        uint[] indices = Enumerable.Range(0, 10).Where(_ => random.NextDouble() < 0.3).Select(i => (uint)i).ToArray();
        return new SparseVector(indices, indices.Select(_ => (float)(0.1 + random.NextDouble())).ToArray());
    }
}
