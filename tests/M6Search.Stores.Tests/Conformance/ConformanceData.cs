using System.Text.Json.Nodes;
using M6Search.Catalog.Products;
using M6Search.Stores.Abstractions;

namespace M6Search.Stores.Tests.Conformance;

/// <summary>Products, vectors and the brute-force reference the conformance suite checks stores against.</summary>
public static class ConformanceData
{
    /// <summary>The dimension of the suite's dense vectors.</summary>
    public const int Dimension = 8;

    /// <summary>A unit vector with a 1 at <paramref name="axis"/>.</summary>
    public static float[] Axis(int axis)
    {
        var vector = new float[Dimension];
        vector[axis] = 1;
        return vector;
    }

    /// <summary>The unit vector along a + weight * b.</summary>
    public static float[] Blend(int a, int b, float weight)
    {
        var vector = new float[Dimension];
        vector[a] = 1;
        vector[b] += weight;
        return Normalized(vector);
    }

    /// <summary>A random unit vector, reproducible from the seed.</summary>
    public static float[] RandomUnit(Random random)
    {
        var vector = new float[Dimension];
        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return Normalized(vector);
    }

    public static float[] Normalized(float[] vector)
    {
        double norm = Math.Sqrt(vector.Sum(value => (double)value * value));
        return vector.Select(value => (float)(value / norm)).ToArray();
    }

    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            normA += (double)a[i] * a[i];
            normB += (double)b[i] * b[i];
        }

        return dot / Math.Sqrt(normA * normB);
    }

    public static Product Product(
        string id,
        string title = "product",
        string? category = null,
        string? merchant = null,
        double? price = null,
        string? lang = null,
        string? currency = null,
        JsonObject? attributes = null) => new()
        {
            Id = id,
            Title = title,
            Category = category,
            Merchant = merchant,
            Price = price,
            Lang = lang,
            Currency = currency,
            Attributes = attributes,
        };

    public static ProductPoint Point(Product product, float[] image, float[] text, SparseVector? lexical = null, string? contentHash = null) => new()
    {
        Product = product,
        Vectors = new Dictionary<string, float[]> { [CollectionSchema.ImageVector] = image, [CollectionSchema.TextVector] = text },
        Lexical = lexical,
        ContentHash = contentHash,
    };

    /// <summary>
    /// Six products covering every filter kind: two categories and one without, three merchants, a product without a
    /// price, two languages, three currencies, a string attribute, an array attribute, and a product without attributes.
    /// </summary>
    public static IReadOnlyList<Product> FilterCatalog() =>
    [
        Product("p1", "red mug", "mugs", "m-a", 10, "en", "USD", new JsonObject { ["color"] = "red", ["material"] = "ceramic" }),
        Product("p2", "蓝色马克杯", "mugs", "m-b", 25, "zh", "CNY", new JsonObject { ["color"] = "blue" }),
        Product("p3", "red and white plate", "plates", "m-a", 40, "en", "USD", new JsonObject { ["color"] = new JsonArray("red", "white") }),
        Product("p4", "green plate", "plates", "m-c", null, "en", "EUR", new JsonObject { ["color"] = "green" }),
        Product("p5", "碗", "bowls", "m-b", 5.5, "zh", "CNY"),
        Product("p6", "large thing", null, "m-a", 100, null, "USD", new JsonObject { ["size"] = "L" }),
    ];

    /// <summary>What a <see cref="ProductFilter"/> means, evaluated directly on products (the reference for every store).</summary>
    public static bool Matches(ProductFilter filter, Product product)
    {
        if (filter.Categories is not null && (product.Category is null || !filter.Categories.Contains(product.Category)))
        {
            return false;
        }

        if (filter.Merchants is not null && (product.Merchant is null || !filter.Merchants.Contains(product.Merchant)))
        {
            return false;
        }

        if (filter.MinPrice is not null && !(product.Price >= filter.MinPrice))
        {
            return false;
        }

        if (filter.MaxPrice is not null && !(product.Price <= filter.MaxPrice))
        {
            return false;
        }

        foreach (KeyValuePair<string, string> keyword in filter.Keywords ?? new Dictionary<string, string>())
        {
            if (!KeywordValues(product, keyword.Key).Contains(keyword.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> KeywordValues(Product product, string field)
    {
        const string attributesPrefix = "attributes.";
        string? single = field switch
        {
            "id" => product.Id,
            "category" => product.Category,
            "merchant" => product.Merchant,
            "lang" => product.Lang,
            "currency" => product.Currency,
            _ => null,
        };
        if (single is not null)
        {
            return [single];
        }

        if (!field.StartsWith(attributesPrefix, StringComparison.Ordinal) || product.Attributes is null
            || !product.Attributes.TryGetPropertyValue(field[attributesPrefix.Length..], out JsonNode? node) || node is null)
        {
            return [];
        }

        return node is JsonArray array
            ? array.OfType<JsonValue>().Where(value => value.TryGetValue(out string? _)).Select(value => value.GetValue<string>())
            : node is JsonValue value && value.TryGetValue(out string? text) ? [text] : [];
    }
}
