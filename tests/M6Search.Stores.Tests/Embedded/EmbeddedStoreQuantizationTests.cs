using M6Search.Catalog.Products;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;
using M6Search.Stores.Tests.TestSupport;

namespace M6Search.Stores.Tests.Embedded;

public sealed class EmbeddedStoreQuantizationTests : IDisposable
{
    private const int Dimension = 64;
    private const int Points = 3000;
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Int8Search_FindsAtLeast95PercentOfTheExactTop10_AndReturnsExactScores()
    {
        var random = new Random(42);
        float[][] vectors = Enumerable.Range(0, Points).Select(_ => RandomUnit(random)).ToArray();
        await using (EmbeddedProductVectorStore writer = await OpenAsync(VectorQuantization.None, rescoreMultiplier: 4))
        {
            await writer.EnsureCollectionAsync(new CollectionSchema
            {
                DenseVectors = new Dictionary<string, int> { [CollectionSchema.ImageVector] = Dimension },
                HasLexicalVector = false,
            });
            await writer.UpsertAsync(vectors.Select((vector, i) => new ProductPoint
            {
                Product = new Product { Id = $"r-{i}", Title = "random" },
                Vectors = new Dictionary<string, float[]> { [CollectionSchema.ImageVector] = vector },
            }).ToList());
        }

        await using EmbeddedProductVectorStore int8 = await OpenAsync(VectorQuantization.Int8, rescoreMultiplier: 4);
        int found = 0;
        const int queries = 30;
        for (int q = 0; q < queries; q++)
        {
            float[] query = RandomUnit(random);
            List<(int Index, float Score)> exact = vectors
                .Select((vector, i) => (Index: i, Score: Dot(vector, query)))
                .OrderByDescending(hit => hit.Score)
                .Take(10)
                .ToList();
            IReadOnlyList<SearchHit> hits = await int8.SearchAsync(new VectorQuery { Using = CollectionSchema.ImageVector, Vector = query, Limit = 10 });

            var exactIds = exact.Select(hit => $"r-{hit.Index}").ToHashSet();
            found += hits.Count(hit => exactIds.Contains(hit.Point.Product.Id));
            foreach (SearchHit hit in hits)
            {
                float[] vector = vectors[int.Parse(hit.Point.Product.Id.AsSpan(2), provider: null)];
                Assert.Equal(Dot(vector, query), hit.Score, 1e-5f);
            }
        }

        double recall = found / (double)(queries * 10);
        Assert.True(recall >= 0.95, $"int8 recall@10 was {recall:F3}");
    }

    private Task<EmbeddedProductVectorStore> OpenAsync(VectorQuantization quantization, int rescoreMultiplier) =>
        EmbeddedProductVectorStore.OpenAsync(
            new EmbeddedStoreOptions { DataDirectory = _directory.Path, Quantization = quantization, RescoreMultiplier = rescoreMultiplier },
            "recall");

    private static float[] RandomUnit(Random random)
    {
        float[] vector = Enumerable.Range(0, Dimension).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        float norm = MathF.Sqrt(vector.Sum(value => value * value));
        return vector.Select(value => value / norm).ToArray();
    }

    private static float Dot(float[] a, float[] b)
    {
        float sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
