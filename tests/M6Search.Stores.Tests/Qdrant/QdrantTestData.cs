using System.Text.Json.Nodes;
using M6Search.Catalog.Products;
using M6Search.Stores.Abstractions;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>Products and points used by the Qdrant tests: an English row with every field, a Chinese row, a bare row.</summary>
public static class QdrantTestData
{
    public const string CollectionName = "products";

    public static Product Mug => new()
    {
        Id = "p-001",
        Title = "Blue ceramic mug",
        Image = "images/p-001.jpg",
        Price = 12.5,
        Currency = "USD",
        Category = "kitchen",
        Merchant = "acme",
        Lang = "en",
        Description = "A mug with a \"bumpy\" glaze.",
        Attributes = new JsonObject
        {
            ["color"] = "blue",
            ["texture"] = "bumpy",
            ["height_cm"] = 9.5,
            ["tags"] = new JsonArray("handmade", "ceramic"),
        },
        Extra = new JsonObject
        {
            ["sku"] = "A-1",
            ["stock"] = 3,
            ["dimensions"] = new JsonObject { ["w"] = 8, ["h"] = 9.5, ["notes"] = new JsonArray(1, 2.25, null, true) },
        },
    };

    public static Product ChineseCup => new()
    {
        Id = "商品-42",
        Title = "凹凸的咖啡杯",
        Price = 88,
        Currency = "CNY",
        Category = "厨房",
        Merchant = "杭州陶瓷",
        Lang = "zh",
        Attributes = new JsonObject { ["颜色"] = "白色", ["材质"] = "陶瓷" },
    };

    public static Product Bare => new() { Id = "p-003", Title = "Plain spoon" };

    public static ProductPoint MugPoint => new()
    {
        Product = Mug,
        Vectors = new Dictionary<string, float[]>
        {
            [CollectionSchema.ImageVector] = [0.5f, 0.5f, 0.5f, 0.5f],
            [CollectionSchema.TextVector] = [0.6f, 0.8f, 0f, 0f],
        },
        Lexical = new SparseVector([3, 17, 250], [0.5f, 1.25f, 2f]),
        ContentHash = "sha256:0f1e2d",
    };

    public static ProductPoint ChinesePoint => new()
    {
        Product = ChineseCup,
        Vectors = new Dictionary<string, float[]>
        {
            [CollectionSchema.ImageVector] = [1f, 0f, 0f, 0f],
            [CollectionSchema.TextVector] = [0f, 0.6f, 0.8f, 0f],
        },
        Lexical = new SparseVector([9, 4096], [0.75f, 3.5f]),
        ContentHash = "sha256:a1b2c3",
    };

    public static ProductPoint BarePoint => new()
    {
        Product = Bare,
        Vectors = new Dictionary<string, float[]>
        {
            [CollectionSchema.ImageVector] = [0f, 0f, 0f, 1f],
            [CollectionSchema.TextVector] = [0f, 0f, 1f, 0f],
        },
    };

    public static string PointId(string productId) => PointIds.FromProductId(productId).ToString("D");
}
