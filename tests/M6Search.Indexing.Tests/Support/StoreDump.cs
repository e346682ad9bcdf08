using System.Text.Json;
using M6Search.Stores.Abstractions;

namespace M6Search.Indexing.Tests.Support;

/// <summary>Everything a store holds, point by point, in a form two stores can be compared with.</summary>
public static class StoreDump
{
    public static async Task<SortedDictionary<string, string>> ReadAsync(IProductVectorStore store)
    {
        var points = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string? offset = null;
        do
        {
            ScrollPage page = await store.ScrollAsync(new ScrollRequest { Limit = 100, Offset = offset, WithVectors = true });
            foreach (ProductPoint point in page.Points)
            {
                points.Add(point.Product.Id, Describe(point));
            }

            offset = page.NextOffset;
        }
        while (offset is not null);

        return points;
    }

    /// <summary>Payload, hash and every vector value (rounded to 6 digits, what float round trips keep).</summary>
    public static string Describe(ProductPoint point)
    {
        string vectors = string.Join(
            " | ",
            point.Vectors.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + ":" + string.Join(',', v.Value.Select(Round))));
        string lexical = point.Lexical is null
            ? "none"
            : string.Join(',', point.Lexical.Indices.Zip(point.Lexical.Values, (i, v) => $"{i}={Round(v)}"));
        return $"{JsonSerializer.Serialize(point.Product)}\nhash={point.ContentHash}\n{vectors}\nlexical={lexical}";
    }

    private static string Round(float value) => value.ToString("F6", System.Globalization.CultureInfo.InvariantCulture);
}
