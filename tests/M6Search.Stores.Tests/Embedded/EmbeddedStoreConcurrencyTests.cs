using System.Globalization;
using System.Text.Json.Nodes;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;
using M6Search.Stores.Tests.TestSupport;
using static M6Search.Stores.Tests.Conformance.ConformanceData;

namespace M6Search.Stores.Tests.Embedded;

public sealed class EmbeddedStoreConcurrencyTests : IDisposable
{
    private const int PointsPerGeneration = 40;
    private const int Generations = 30;
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>
    /// Every batch rewrites the same 40 products with one generation number in payload, vectors and lexical term. A
    /// reader that ever saw two generations in one result, or a count that is not 0 or 40, saw a half-applied batch.
    /// </summary>
    [Theory]
    [InlineData(VectorQuantization.None)]
    [InlineData(VectorQuantization.Int8)]
    public async Task Readers_NeverSeeAHalfAppliedBatch_WhileAWriterReplacesPoints(VectorQuantization quantization)
    {
        await using EmbeddedProductVectorStore store = await EmbeddedProductVectorStore.OpenAsync(
            new EmbeddedStoreOptions { DataDirectory = _directory.Path, Quantization = quantization, RowsPerBlock = 64 }, "concurrent");
        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(Dimension));
        await store.UpsertAsync(Generation(0));
        using var done = new CancellationTokenSource();
        int reads = 0;

        async Task ReadUntilDoneAsync(int seed)
        {
            await Task.Yield();
            var random = new Random(seed);
            while (!done.IsCancellationRequested)
            {
                float[] query = RandomUnit(random);
                IReadOnlyList<SearchHit> hits = await store.SearchAsync(
                    new VectorQuery { Using = CollectionSchema.ImageVector, Vector = query, Limit = PointsPerGeneration });
                Assert.Equal(PointsPerGeneration, hits.Count);
                int generation = GenerationOf(hits[0].Point);
                Assert.All(hits, hit => Assert.Equal(generation, GenerationOf(hit.Point)));
                Assert.All(hits, hit => Assert.Equal(Cosine(VectorOf(generation), query), hit.Score, 1e-5));

                long sameGeneration = await store.CountAsync(new ProductFilter
                {
                    Keywords = new Dictionary<string, string> { ["attributes.generation"] = generation.ToString(CultureInfo.InvariantCulture) },
                });
                Assert.True(sameGeneration is 0 or PointsPerGeneration, $"count {sameGeneration} for generation {generation}");
                Assert.Equal(PointsPerGeneration, await store.CountAsync());

                IReadOnlyList<SearchHit> lexical = await store.HybridSearchAsync(new HybridQuery
                {
                    Lexical = new SparseVector([(uint)generation], [1f]),
                    PrefetchLimit = PointsPerGeneration,
                    Limit = PointsPerGeneration,
                });
                Assert.True(lexical.Count is 0 or PointsPerGeneration, $"{lexical.Count} lexical hits for generation {generation}");
                Interlocked.Increment(ref reads);
            }
        }

        Task[] readers = [ReadUntilDoneAsync(1), ReadUntilDoneAsync(2), ReadUntilDoneAsync(3)];
        Task writer = Task.Run(async () =>
        {
            try
            {
                for (int generation = 1; generation <= Generations; generation++)
                {
                    await store.UpsertAsync(Generation(generation));
                }
            }
            finally
            {
                await done.CancelAsync();
            }
        });

        await Task.WhenAll([writer, .. readers]);

        Assert.True(reads > 0);
        ProductPoint? last = await store.GetAsync("g-0");
        Assert.Equal(Generations, GenerationOf(last!));
    }

    private static List<ProductPoint> Generation(int generation) =>
        Enumerable.Range(0, PointsPerGeneration)
            .Select(i => Point(
                Product($"g-{i}", $"generation {generation}") with
                {
                    Attributes = new JsonObject { ["generation"] = generation.ToString(CultureInfo.InvariantCulture) },
                },
                VectorOf(generation),
                RandomUnit(new Random(i)),
                new SparseVector([(uint)generation], [1f])))
            .ToList();

    private static float[] VectorOf(int generation) => RandomUnit(new Random(1000 + generation));

    private static int GenerationOf(ProductPoint point) =>
        int.Parse(point.Product.Attributes!["generation"]!.GetValue<string>(), CultureInfo.InvariantCulture);
}
