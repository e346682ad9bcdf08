using M6Search.Stores.Abstractions;
using static M6Search.Stores.Tests.Conformance.ConformanceData;

namespace M6Search.Stores.Tests.Conformance;

/// <summary>The conformance suite: hybrid search, fused by reciprocal rank as Qdrant does (k, weights, filters, paging).</summary>
public abstract partial class VectorStoreConformanceTests
{
    [SkippableFact]
    public async Task HybridSearch_FusesTheRankingsByReciprocalRank_WithQdrantsDefaultK()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        await store.UpsertAsync(HandMadePoints(), Timeout);

        IReadOnlyList<SearchHit> hits = await store.HybridSearchAsync(HandMadeQuery(), Timeout);

        // Rankings (prefetch 3): image A, B, C; text B, D, A; lexical B, C. Score = sum of 1 / (2 + position).
        Assert.Equal(["B", "A", "C", "D"], hits.Select(hit => hit.Point.Product.Id));
        Assert.Equal((1 / 3f) + (1 / 2f) + (1 / 2f), hits[0].Score, 1e-5f);
        Assert.Equal((1 / 2f) + (1 / 4f), hits[1].Score, 1e-5f);
        Assert.Equal((1 / 4f) + (1 / 3f), hits[2].Score, 1e-5f);
        Assert.Equal(1 / 3f, hits[3].Score, 1e-5f);
    }

    [SkippableFact]
    public async Task HybridSearch_UsesTheGivenRrfK()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        await store.UpsertAsync(HandMadePoints(), Timeout);

        IReadOnlyList<SearchHit> hits = await store.HybridSearchAsync(HandMadeQuery() with { RrfK = 60 }, Timeout);

        Assert.Equal(["B", "A", "C", "D"], hits.Select(hit => hit.Point.Product.Id));
        Assert.Equal((1 / 61f) + (1 / 60f) + (1 / 60f), hits[0].Score, 1e-6f);
        Assert.Equal((1 / 60f) + (1 / 62f), hits[1].Score, 1e-6f);
        Assert.Equal((1 / 62f) + (1 / 61f), hits[2].Score, 1e-6f);
        Assert.Equal(1 / 61f, hits[3].Score, 1e-6f);
    }

    [SkippableFact]
    public async Task HybridSearch_WeighsEachSearch_AsQdrantsWeightedRrf()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        await store.UpsertAsync(HandMadePoints(), Timeout);

        IReadOnlyList<SearchHit> hits = await store.HybridSearchAsync(
            HandMadeQuery() with
            {
                Weights = new Dictionary<string, float>
                {
                    [CollectionSchema.ImageVector] = 2f,
                    [CollectionSchema.TextVector] = 0f,
                    [CollectionSchema.LexicalVector] = 0f,
                },
            },
            Timeout);

        // Image ranking A, B, C at weight 2: 1 / ((position + 1) / 2 + 2 - 1). Text and lexical weigh 0, so D (only in
        // the text ranking) is still a candidate, scoring 0.
        Assert.Equal(["A", "B", "C", "D"], hits.Select(hit => hit.Point.Product.Id));
        Assert.Equal(1 / 1.5f, hits[0].Score, 1e-6f);
        Assert.Equal(1 / 2f, hits[1].Score, 1e-6f);
        Assert.Equal(1 / 2.5f, hits[2].Score, 1e-6f);
        Assert.Equal(0f, hits[3].Score);
    }

    [SkippableFact]
    public async Task HybridSearch_ThrowsVectorStoreException_ForANegativeWeightOrOneForASearchNotMade()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        await store.UpsertAsync(HandMadePoints(), Timeout);

        await Assert.ThrowsAsync<VectorStoreException>(() => store.HybridSearchAsync(
            HandMadeQuery() with { Weights = new Dictionary<string, float> { [CollectionSchema.ImageVector] = -1f } }, Timeout));
        await Assert.ThrowsAsync<VectorStoreException>(() => store.HybridSearchAsync(
            HandMadeQuery() with { Lexical = null, Weights = new Dictionary<string, float> { [CollectionSchema.LexicalVector] = 1f } }, Timeout));
    }

    [SkippableFact]
    public async Task HybridSearch_AppliesTheFilterToEverySearch()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        await store.UpsertAsync(HandMadePoints(), Timeout);

        IReadOnlyList<SearchHit> hits = await store.HybridSearchAsync(
            HandMadeQuery() with { Filter = new ProductFilter { Categories = ["kept"] } }, Timeout);

        // Without B: image A, C, D; text D, A, C; lexical C.
        Assert.Equal(["C", "A", "D"], hits.Select(hit => hit.Point.Product.Id));
        Assert.Equal((1 / 3f) + (1 / 4f) + (1 / 2f), hits[0].Score, 1e-5f);
    }

    [SkippableFact]
    public async Task HybridSearch_SkipsTheOffset_AndReturnsAtMostTheLimit()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        await store.UpsertAsync(HandMadePoints(), Timeout);

        IReadOnlyList<SearchHit> hits = await store.HybridSearchAsync(HandMadeQuery() with { Offset = 1, Limit = 2 }, Timeout);

        Assert.Equal(["A", "C"], hits.Select(hit => hit.Point.Product.Id));
    }
}
