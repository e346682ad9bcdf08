using System.Globalization;
using System.Text.Json.Nodes;
using M6Search.Catalog.Products;
using M6Search.Stores.Abstractions;

namespace M6Search.Stores.Benchmarks;

/// <summary>
/// Reproducible products with a realistic payload (40 categories, 500 merchants, prices, en/zh, three attributes, a
/// description) and random unit vectors; sparse lexical vectors of 8 to 16 terms drawn with a Zipf-like skew.
/// </summary>
internal sealed class SyntheticCatalog
{
    public const int Categories = 40;
    public const int Merchants = 500;
    public const int Vocabulary = 30_000;

    private static readonly string[] Colors = ["red", "blue", "green", "black", "white", "grey", "pink", "brown", "beige", "navy", "gold", "silver"];
    private static readonly string[] Materials = ["ceramic", "glass", "steel", "wood", "cotton", "leather", "plastic", "bamboo"];
    private static readonly string[] Sizes = ["S", "M", "L", "XL"];
    private static readonly string[] EnglishWords = ["bumpy", "cup", "mug", "matte", "handmade", "set", "large", "travel", "classic", "vintage", "soft", "round"];
    private static readonly string[] ChineseWords = ["陶瓷", "杯子", "手工", "复古", "大号", "套装", "磨砂", "圆形", "旅行", "经典"];

    private readonly int _dimension;

    public SyntheticCatalog(int dimension)
    {
        _dimension = dimension;
    }

    public static string Category(int index) => $"category-{index:D2}";

    public ProductPoint Point(int index)
    {
        var random = new Random(index);
        bool chinese = random.Next(10) < 3;
        string[] words = chinese ? ChineseWords : EnglishWords;
        string title = string.Join(chinese ? string.Empty : " ", Enumerable.Range(0, 4).Select(_ => words[random.Next(words.Length)]));
        var product = new Product
        {
            Id = $"sku-{index:D8}",
            Title = $"{title} {index}",
            Image = $"images/{index % 1000:D3}/{index:D8}.jpg",
            Price = Math.Round(Math.Exp(1 + (random.NextDouble() * 5)), 2),
            Currency = chinese ? "CNY" : "USD",
            Category = Category(random.Next(Categories)),
            Merchant = $"merchant-{random.Next(Merchants):D3}",
            Lang = chinese ? "zh" : "en",
            Description = chinese ? "高品质, 包邮" : "Free shipping on orders over 50.",
            Attributes = new JsonObject
            {
                ["color"] = Colors[random.Next(Colors.Length)],
                ["material"] = Materials[random.Next(Materials.Length)],
                ["size"] = Sizes[random.Next(Sizes.Length)],
            },
        };
        return new ProductPoint
        {
            Product = product,
            Vectors = new Dictionary<string, float[]>
            {
                [CollectionSchema.ImageVector] = UnitVector(random),
                [CollectionSchema.TextVector] = UnitVector(random),
            },
            Lexical = Lexical(random, random.Next(8, 17)),
            ContentHash = index.ToString("x8", CultureInfo.InvariantCulture),
        };
    }

    public float[] UnitVector(Random random)
    {
        var vector = new float[_dimension];
        double sum = 0;
        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] = (random.NextSingle() * 2) - 1;
            sum += vector[i] * vector[i];
        }

        float inverse = (float)(1 / Math.Sqrt(sum));
        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] *= inverse;
        }

        return vector;
    }

    public static SparseVector Lexical(Random random, int terms)
    {
        var indices = new SortedSet<uint>();
        while (indices.Count < terms)
        {
            // Skewed towards small term ids, like word frequencies.
            indices.Add((uint)(Math.Pow(random.NextDouble(), 3) * Vocabulary));
        }

        return new SparseVector([.. indices], indices.Select(_ => 0.5f + (random.NextSingle() * 2.5f)).ToArray());
    }
}
