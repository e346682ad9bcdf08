using System.Text.Json;
using M6Search.Stores.Abstractions;

namespace M6Search.Indexing.Tests.Support;

/// <summary>Compares two stores point by point: ids, payloads, content hashes, lexical vectors exactly; dense vectors to 1e-5.</summary>
public static class StoreComparison
{
    public static async Task<Dictionary<string, ProductPoint>> ReadAllAsync(string dataDirectory)
    {
        await using var store = await IndexingFixture.OpenStoreAsync(dataDirectory);
        var points = new Dictionary<string, ProductPoint>(StringComparer.Ordinal);
        string? offset = null;
        do
        {
            ScrollPage page = await store.ScrollAsync(new ScrollRequest { Limit = 100, Offset = offset, WithVectors = true });
            foreach (ProductPoint point in page.Points)
            {
                points.Add(point.Product.Id, point);
            }

            offset = page.NextOffset;
        }
        while (offset is not null);

        return points;
    }

    public static void AssertSame(Dictionary<string, ProductPoint> expected, Dictionary<string, ProductPoint> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach ((string id, ProductPoint want) in expected)
        {
            ProductPoint got = actual[id];
            Assert.Equal(JsonSerializer.Serialize(want.Product), JsonSerializer.Serialize(got.Product));
            Assert.Equal(want.ContentHash, got.ContentHash);
            Assert.Equal(want.Lexical?.Indices, got.Lexical?.Indices);
            Assert.Equal(want.Lexical?.Values, got.Lexical?.Values);
            Assert.Equal(want.Vectors.Keys.Order(StringComparer.Ordinal), got.Vectors.Keys.Order(StringComparer.Ordinal));
            foreach ((string name, float[] vector) in want.Vectors)
            {
                float[] other = got.Vectors[name];
                Assert.Equal(vector.Length, other.Length);
                for (int i = 0; i < vector.Length; i++)
                {
                    Assert.True(Math.Abs(vector[i] - other[i]) < 1e-5, $"{id} {name}[{i}]: {vector[i]} vs {other[i]}");
                }
            }
        }
    }
}
