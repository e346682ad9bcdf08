using System.Text.Json.Nodes;
using M6Search.Catalog.Products;
using M6Search.Stores.Lexical;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;
using SkiaSharp;

namespace M6Search.Web.Tests.Infrastructure;

/// <summary>
/// A temp data folder holding a small pre-indexed embedded store (4-d fake vectors) and a catalog folder with images.
/// Next to the catalog folder lies <c>secret.jpg</c>, which the product <c>p-escape</c> points at with "../secret.jpg":
/// the image endpoint must never serve it.
/// </summary>
internal sealed class TestData : IDisposable
{
    private TestData(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string DataDir => Path.Combine(Root, "data");

    public string CatalogDir => Path.Combine(Root, "catalog");

    public static async Task<TestData> CreateAsync(bool withProducts = true)
    {
        var data = new TestData(Path.Combine(Path.GetTempPath(), "m6-web-tests-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(Path.Combine(data.CatalogDir, "images"));
        WriteJpeg(Path.Combine(data.Root, "secret.jpg"), SKColors.Black);
        if (!withProducts)
        {
            Directory.CreateDirectory(data.DataDir);
            return data;
        }

        WriteJpeg(Path.Combine(data.CatalogDir, "images", "p-bumpy.jpg"), SKColors.Red);
        WriteJpeg(Path.Combine(data.CatalogDir, "images", "p-smooth.jpg"), SKColors.Green);
        await using EmbeddedProductVectorStore store = await EmbeddedProductVectorStore.OpenAsync(
            new EmbeddedStoreOptions { DataDirectory = data.DataDir, DurableCommits = false }, "products");
        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));
        await store.UpsertAsync(
        [
            Point("p-bumpy", "White Ceramic Coffee Cup", "cup", "m-a", 12, "images/p-bumpy.jpg", "bumpy", imageAxis: 0, titleAxis: 2),
            Point("p-smooth", "Smooth Coffee Cup", "cup", "m-b", 8, "images/p-smooth.jpg", "smooth", imageAxis: 1, titleAxis: 1),
            Point("p-plain", "Coffee Cup 凹凸", "cup", "m-a", 20, null, "smooth", imageAxis: 3, titleAxis: 2),
            Point("p-vase", "Green Vase", "vase", "m-b", 30, "images/missing.jpg", "bumpy", imageAxis: 0, titleAxis: 3),
            Point("p-escape", "Escaping Cup", "cup", "m-c", 5, "../secret.jpg", "smooth", imageAxis: 3, titleAxis: 2),
        ]);
        return data;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing server; the temp folder is cleaned by the system.
        }
    }

    /// <summary>A small JPEG of one colour.</summary>
    public static byte[] Jpeg(SKColor color, int size = 16)
    {
        using var bitmap = new SKBitmap(size, size);
        bitmap.Erase(color);
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG of random pixels (it does not compress: about 3 bytes a pixel).</summary>
    public static byte[] NoiseJpeg(int size)
    {
        var random = new Random(7);
        using var bitmap = new SKBitmap(size, size);
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }

        using SKData data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    private static void WriteJpeg(string path, SKColor color) => File.WriteAllBytes(path, Jpeg(color));

    private static ProductPoint Point(
        string id, string title, string category, string merchant, double price, string? imagePath, string texture, int imageAxis, int titleAxis)
    {
        return new ProductPoint
        {
            Product = new Product
            {
                Id = id,
                Title = title,
                Category = category,
                Merchant = merchant,
                Price = price,
                Currency = "USD",
                Image = imagePath,
                Attributes = new JsonObject { ["category"] = category, ["texture"] = texture },
            },
            Vectors = new Dictionary<string, float[]>
            {
                [CollectionSchema.ImageVector] = FakeEncoder.Axis(imageAxis),
                [CollectionSchema.TextVector] = FakeEncoder.Axis(titleAxis),
            },
            Lexical = LexicalVectorizer.Default.Document(title),
        };
    }
}
