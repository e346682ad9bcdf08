using System.Globalization;
using System.Text.Json.Nodes;
using M6Search.Catalog.Products;
using M6Search.Stores.Abstractions;

namespace M6Search.Stores.CrashHelper;

/// <summary>The deterministic content of batch n, so that the test can check what the killed writer left behind.</summary>
public static class CrashBatch
{
    public const int Dimension = 8;

    /// <summary>The attribute holding the batch number (filter on <c>attributes.batch</c>).</summary>
    public const string BatchAttribute = "batch";

    public static CollectionSchema Schema { get; } = CollectionSchema.ForProducts(Dimension);

    public static string ProductId(int batch, int index) => $"b{batch:D5}-{index:D4}";

    public static string BatchKey(int batch) => batch.ToString(CultureInfo.InvariantCulture);

    public static IReadOnlyList<ProductPoint> Points(int batch, int count) =>
        Enumerable.Range(0, count).Select(index => Point(batch, index)).ToList();

    public static ProductPoint Point(int batch, int index)
    {
        var random = new Random((batch * 100_003) + index);
        return new ProductPoint
        {
            Product = new Product
            {
                Id = ProductId(batch, index),
                Title = $"batch {batch} item {index} 批次",
                Price = index,
                Attributes = new JsonObject { [BatchAttribute] = BatchKey(batch) },
            },
            Vectors = new Dictionary<string, float[]>
            {
                [CollectionSchema.ImageVector] = RandomVector(random),
                [CollectionSchema.TextVector] = RandomVector(random),
            },
            Lexical = new SparseVector([(uint)batch, 1_000_000u + (uint)index], [1f, 0.5f]),
            ContentHash = $"{batch}:{index}",
        };
    }

    private static float[] RandomVector(Random random)
    {
        var vector = new float[Dimension];
        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return vector;
    }
}
