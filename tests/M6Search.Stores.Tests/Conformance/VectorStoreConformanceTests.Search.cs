using M6Search.Stores.Abstractions;
using static M6Search.Stores.Tests.Conformance.ConformanceData;

namespace M6Search.Stores.Tests.Conformance;

/// <summary>The conformance suite: dense and sparse search (ranking, filters, threshold, paging, missing vectors).</summary>
public abstract partial class VectorStoreConformanceTests
{
    [SkippableFact]
    public async Task Search_RanksHitsLikeBruteForceCosine_OnEveryDenseVector()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        var random = new Random(5);
        List<ProductPoint> points = Enumerable.Range(0, 40).Select(i => Point(Product($"c-{i}"), RandomUnit(random), RandomUnit(random))).ToList();
        await store.UpsertAsync(points, Timeout);

        foreach (string vectorName in new[] { CollectionSchema.ImageVector, CollectionSchema.TextVector })
        {
            for (int q = 0; q < 3; q++)
            {
                // Not unit length on purpose: cosine similarity ignores the query's length.
                float[] query = RandomUnit(random).Select(value => value * 2.5f).ToArray();
                IReadOnlyList<SearchHit> hits = await store.SearchAsync(new VectorQuery { Using = vectorName, Vector = query, Limit = 10 }, Timeout);
                List<(string Id, double Score)> expected = BruteForce(points, vectorName, query).Take(10).ToList();

                Assert.Equal(expected.Select(hit => hit.Id), hits.Select(hit => hit.Point.Product.Id));
                for (int i = 0; i < expected.Count; i++)
                {
                    Assert.Equal(expected[i].Score, hits[i].Score, 1e-4);
                }
            }
        }
    }

    [SkippableFact]
    public async Task Search_ReturnsOnlyMatchingPoints_ForEveryFilterKind()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        var random = new Random(13);
        List<ProductPoint> points = FilterCatalog().Select(product => Point(product, RandomUnit(random), RandomUnit(random))).ToList();
        await store.UpsertAsync(points, Timeout);
        float[] query = RandomUnit(random);

        foreach ((string name, ProductFilter filter, _) in FilterCases())
        {
            IReadOnlyList<SearchHit> hits = await store.SearchAsync(
                new VectorQuery { Using = CollectionSchema.ImageVector, Vector = query, Limit = 10, Filter = filter }, Timeout);
            List<string> expected = BruteForce(points.Where(point => Matches(filter, point.Product)), CollectionSchema.ImageVector, query)
                .Select(hit => hit.Id)
                .ToList();

            Assert.True(
                expected.SequenceEqual(hits.Select(hit => hit.Point.Product.Id)),
                $"filter '{name}': expected [{string.Join(", ", expected)}], got [{string.Join(", ", hits.Select(hit => hit.Point.Product.Id))}]");
        }
    }

    [SkippableFact]
    public async Task Search_LeavesOutHitsBelowTheScoreThreshold()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        await store.UpsertAsync(HandMadePoints(), Timeout);

        IReadOnlyList<SearchHit> hits = await store.SearchAsync(
            new VectorQuery { Using = CollectionSchema.ImageVector, Vector = Axis(0), Limit = 10, ScoreThreshold = 0.6f }, Timeout);

        // Image cosines to axis 0: A 1, B 0.894, C 0.707, D 0.447, E 0.
        Assert.Equal(["A", "B", "C"], hits.Select(hit => hit.Point.Product.Id));
    }

    [SkippableFact]
    public async Task Search_SkipsTheOffset_AndReturnsAtMostTheLimit()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        var random = new Random(17);
        List<ProductPoint> points = Enumerable.Range(0, 40).Select(i => Point(Product($"o-{i}"), RandomUnit(random), RandomUnit(random))).ToList();
        await store.UpsertAsync(points, Timeout);
        float[] query = RandomUnit(random);

        IReadOnlyList<SearchHit> hits = await store.SearchAsync(
            new VectorQuery { Using = CollectionSchema.TextVector, Vector = query, Limit = 4, Offset = 3 }, Timeout);

        Assert.Equal(BruteForce(points, CollectionSchema.TextVector, query).Skip(3).Take(4).Select(hit => hit.Id), hits.Select(hit => hit.Point.Product.Id));
    }

    [SkippableFact]
    public async Task Search_SkipsPoints_ThatLackTheSearchedVector()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        var textOnly = new ProductPoint
        {
            Product = Product("text-only"),
            Vectors = new Dictionary<string, float[]> { [CollectionSchema.TextVector] = Axis(0) },
        };
        await store.UpsertAsync([textOnly, Point(Product("both"), Axis(1), Axis(1))], Timeout);

        IReadOnlyList<SearchHit> image = await store.SearchAsync(new VectorQuery { Using = CollectionSchema.ImageVector, Vector = Axis(0), Limit = 10 }, Timeout);
        IReadOnlyList<SearchHit> text = await store.SearchAsync(new VectorQuery { Using = CollectionSchema.TextVector, Vector = Axis(0), Limit = 10 }, Timeout);
        ProductPoint? stored = await store.GetAsync("text-only", withVectors: true, Timeout);

        Assert.Equal(["both"], image.Select(hit => hit.Point.Product.Id));
        Assert.Equal("text-only", text[0].Point.Product.Id);
        Assert.Equal([CollectionSchema.TextVector], stored!.Vectors.Keys);
    }

    [SkippableFact]
    public async Task SparseSearch_ReturnsOnlyPointsSharingATerm_ByDotProduct()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        await store.UpsertAsync(HandMadePoints(), Timeout);

        IReadOnlyList<SearchHit> first = await store.HybridSearchAsync(
            new HybridQuery { Lexical = new SparseVector([10, 20], [1f, 1f]), PrefetchLimit = 10, Limit = 10 }, Timeout);
        IReadOnlyList<SearchHit> second = await store.HybridSearchAsync(
            new HybridQuery { Lexical = new SparseVector([10, 40], [1f, 0.5f]), PrefetchLimit = 10, Limit = 10, WithVectors = true }, Timeout);

        // Dot products: first B 3, C 1; second B 2, D 0.5. A and E share no term with either query.
        Assert.Equal(["B", "C"], first.Select(hit => hit.Point.Product.Id));
        Assert.Equal(["B", "D"], second.Select(hit => hit.Point.Product.Id));
        Assert.True(first[0].Score > first[1].Score);
        Assert.Equal([10u, 20u], second[0].Point.Lexical!.Indices);
    }

    [SkippableFact]
    public async Task Search_ThrowsVectorStoreException_WhenTheVectorNameIsUnknown()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        await store.UpsertAsync(HandMadePoints(), Timeout);

        await Assert.ThrowsAsync<VectorStoreException>(
            () => store.SearchAsync(new VectorQuery { Using = "no-such-vector", Vector = Axis(0) }, Timeout));
    }
}
