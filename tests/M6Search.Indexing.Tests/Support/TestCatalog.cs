using System.Text.Json.Nodes;
using M6Search.Synth.Generation;

namespace M6Search.Indexing.Tests.Support;

/// <summary>
/// A small synthetic catalog (<see cref="SyntheticCatalogGenerator"/>, 32-pixel images) in a folder, with helpers to
/// plant broken rows and images and to edit or drop products.
/// </summary>
public sealed class TestCatalog
{
    /// <summary>The image byte limit tests give the loader, so that an "oversized" image is cheap to plant.</summary>
    public const long MaxImageBytes = 200_000;

    private TestCatalog(string directory)
    {
        Directory = directory;
        CatalogPath = Path.Combine(directory, SynthFiles.Catalog);
    }

    public string Directory { get; }

    public string CatalogPath { get; }

    /// <summary>Ids of the rows that should be indexed.</summary>
    public List<string> GoodIds { get; } = [];

    /// <summary>The planted problems: line, id (null for a row without one) and the start of the expected reject kind.</summary>
    public List<(int Line, string? Id, string Kind)> Planted { get; } = [];

    public static async Task<TestCatalog> CreateAsync(string directory, int products = 30, long seed = 7)
    {
        await SyntheticCatalogGenerator.GenerateAsync(
            directory, new SynthOptions { Products = products, Seed = seed, ImageSize = 32, Queries = 0, MaxDegreeOfParallelism = 1 });
        var catalog = new TestCatalog(directory);
        foreach (JsonObject row in catalog.ReadRows())
        {
            catalog.GoodIds.Add((string)row["id"]!);
        }

        return catalog;
    }

    /// <summary>Adds a product without an image (indexed with its title only) and one broken row or image of every kind.</summary>
    public void PlantProblems()
    {
        string images = Path.Combine(Directory, SynthFiles.ImagesFolder);
        byte[] corrupt = new byte[4000];
        new Random(3).NextBytes(corrupt);
        corrupt[0] = 0xFF;
        corrupt[1] = 0xD8;
        corrupt[2] = 0xFF;
        File.WriteAllBytes(Path.Combine(images, "corrupt.jpg"), corrupt);
        byte[] oversized = new byte[MaxImageBytes + 1000];
        File.ReadAllBytes(Path.Combine(images, GoodIds[0] + ".jpg")).CopyTo(oversized, 0);
        File.WriteAllBytes(Path.Combine(images, "oversized.jpg"), oversized);

        Append("""{"id":"no-image","title":"plain white mug without a picture"}""", "no-image", kind: null);
        Append("""{"id":"bad-corrupt","title":"corrupt picture","image":"images/corrupt.jpg"}""", "bad-corrupt", "image:");
        Append("""{"id":"bad-missing","title":"missing picture","image":"images/does-not-exist.jpg"}""", "bad-missing", "image:NotFound");
        Append("""{"id":"bad-oversized","title":"oversized picture","image":"images/oversized.jpg"}""", "bad-oversized", "image:TooLarge");
        Append("""{"id": "bad-json", "title": "cut off""", id: null, "row");
        Append("""{"id":"bad-title","image":"images/corrupt.jpg"}""", "bad-title", "row");
        Append("""{"id":"bad-price","title":"priced in words","price":"abc"}""", "bad-price", "row");
    }

    /// <summary>Appends a row; <paramref name="kind"/> null means the row is good.</summary>
    public void Append(string json, string? id, string? kind)
    {
        int line = File.ReadAllLines(CatalogPath).Length + 1;
        File.AppendAllText(CatalogPath, json + "\n");
        if (kind is null)
        {
            GoodIds.Add(id!);
        }
        else
        {
            Planted.Add((line, id, kind));
        }
    }

    /// <summary>Rewrites the catalog with <paramref name="edit"/> applied to every row (null drops the row).</summary>
    public void Edit(Func<JsonObject, JsonObject?> edit)
    {
        var lines = new List<string>();
        GoodIds.Clear();
        foreach (JsonObject row in ReadRows())
        {
            JsonObject? edited = edit(row);
            if (edited is not null)
            {
                lines.Add(edited.ToJsonString());
                GoodIds.Add((string)edited["id"]!);
            }
        }

        File.WriteAllLines(CatalogPath, lines);
    }

    private IEnumerable<JsonObject> ReadRows() =>
        File.ReadAllLines(CatalogPath).Where(line => line.Length > 0).Select(line => JsonNode.Parse(line)!.AsObject());
}
