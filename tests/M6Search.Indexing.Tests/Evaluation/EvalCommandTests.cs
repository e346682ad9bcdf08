using System.CommandLine;
using System.Text.Json;
using M6Search.Encoder;
using M6Search.Encoder.Runtime;
using M6Search.Imaging.Tests.TestImages;
using M6Search.Indexer.Commands;
using M6Search.Indexer.Composition;
using M6Search.Indexing.Tests.Support;

namespace M6Search.Indexing.Tests.Evaluation;

/// <summary><c>m6 eval</c>: the catalog goes through the indexing pipeline into an embedded store, the modes through the search service.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Eval_SkipsAndListsProductsWhoseImagesCannotBeRead_AndMeasuresEveryMode()
    {
        TestCatalog catalog = await CatalogWithBadImagesAsync();
        string json = _temp.Combine("report.json");

        (int exit, string output) = await M6Process.RunAsync(
        [
            "eval", "--catalog", catalog.CatalogPath, "--queries", WriteQueries(catalog), "--model", MicroModel(),
            "--device", "cpu", "--json", json, "--threads", "1",
        ], Timeout);

        Assert.True(exit == 0, output);
        Assert.Contains("3 of 9 products were not indexed", output, StringComparison.Ordinal);
        Assert.Contains("bad-huge", output, StringComparison.Ordinal);
        using JsonDocument report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        JsonElement root = report.RootElement;
        Assert.Equal(9, root.GetProperty("products").GetInt32());
        Assert.Equal(3, root.GetProperty("skippedProducts").GetInt32());
        var skipped = root.GetProperty("skipped").EnumerateArray()
            .ToDictionary(s => s.GetProperty("productId").GetString()!, s => (Kind: s.GetProperty("kind").GetString()!, Image: s.GetProperty("image").GetString()));
        Assert.Equal(("image:TooManyPixels", "images/huge.png"), skipped["bad-huge"]);
        Assert.StartsWith("image:", skipped["bad-corrupt"].Kind, StringComparison.Ordinal);
        Assert.Equal("images/corrupt.jpg", skipped["bad-corrupt"].Image);
        Assert.Equal("image:NotFound", skipped["bad-missing"].Kind);
        Assert.Contains("14000 x 12000", root.GetProperty("skipped").EnumerateArray().Single(s => s.GetProperty("productId").GetString() == "bad-huge").GetProperty("reason").GetString());
        Assert.Equal(["title", "image", "text", "lexical", "hybrid"], root.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("lang").GetString() == "all").Select(r => r.GetProperty("mode").GetString()));
        Assert.Equal(2, root.GetProperty("search").GetProperty("rrfK").GetInt32());
    }

    [Fact]
    public async Task Eval_WithAStore_ReusesTheIndex_AndReembedsNothingUnchanged()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 6);
        string queries = WriteQueries(catalog);
        var encoder = new HashingEncoder();
        string[] arguments =
        [
            "eval", "--catalog", catalog.CatalogPath, "--queries", queries, "--model", MicroModel(), "--store", _temp.Combine("index"),
            "--modes", "image,hybrid", "--json", _temp.Combine("first.json"),
        ];

        Assert.Equal(0, await InvokeAsync(encoder, arguments));
        int imagesFirst = encoder.ImagesEncoded;
        Assert.Equal(0, await InvokeAsync(encoder, [.. arguments[..^1], _temp.Combine("second.json")]));

        Assert.Equal(6, imagesFirst);
        Assert.Equal(imagesFirst, encoder.ImagesEncoded); // the second run found every product unchanged
        Assert.Equal(await File.ReadAllTextAsync(_temp.Combine("first.json")), await File.ReadAllTextAsync(_temp.Combine("second.json")));
    }

    [Fact]
    public async Task Eval_RefusesAStoreHoldingProductsTheCatalogDoesNotList()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 6);
        string queries = WriteQueries(catalog);
        var encoder = new HashingEncoder();
        string[] arguments = ["eval", "--catalog", catalog.CatalogPath, "--queries", queries, "--model", MicroModel(), "--store", _temp.Combine("index"), "--modes", "image"];
        Assert.Equal(0, await InvokeAsync(encoder, arguments));

        string[] lines = await File.ReadAllLinesAsync(catalog.CatalogPath);
        await File.WriteAllLinesAsync(catalog.CatalogPath, lines[..^1]);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => InvokeAsync(encoder, arguments));

        Assert.Contains("another catalog", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_TitleBaselineAlone_NeedsNoModel()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 6);
        string json = _temp.Combine("title.json");

        Assert.Equal(0, await InvokeAsync(null, ["eval", "--catalog", catalog.CatalogPath, "--queries", WriteQueries(catalog), "--modes", "title", "--json", json]));

        using JsonDocument report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("search").ValueKind);
        Assert.All(report.RootElement.GetProperty("rows").EnumerateArray(), row => Assert.Equal("title", row.GetProperty("mode").GetString()));
    }

    private static async Task<int> InvokeAsync(IProductEncoder? encoder, string[] arguments)
    {
        Command eval = EvalCommand.Create(encoder is null ? null : new FixedEncoderFactory(encoder));
        var root = new RootCommand { eval };
        return await root.Parse(arguments).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    /// <summary>Six good products, plus a 168-megapixel PNG (by its header), a corrupt JPEG and a missing file.</summary>
    private async Task<TestCatalog> CatalogWithBadImagesAsync()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 6);
        string images = Path.Combine(catalog.Directory, "images");
        await File.WriteAllBytesAsync(Path.Combine(images, "huge.png"), PngBuilder.BuildWithImageData(14_000, 12_000, 8, 2, PngBuilder.Compress(new byte[64])));
        byte[] corrupt = new byte[4000];
        new Random(3).NextBytes(corrupt);
        corrupt[0] = 0xFF;
        corrupt[1] = 0xD8;
        corrupt[2] = 0xFF;
        await File.WriteAllBytesAsync(Path.Combine(images, "corrupt.jpg"), corrupt);
        catalog.Append("""{"id":"bad-huge","title":"huge picture","lang":"en","image":"images/huge.png"}""", "bad-huge", "image:TooManyPixels");
        catalog.Append("""{"id":"bad-corrupt","title":"corrupt picture","lang":"en","image":"images/corrupt.jpg"}""", "bad-corrupt", "image:Corrupt");
        catalog.Append("""{"id":"bad-missing","title":"missing picture","lang":"en","image":"images/gone.jpg"}""", "bad-missing", "image:NotFound");
        return catalog;
    }

    /// <summary>Two labeled queries: one judging the first good products (found or not), one judging a skipped product.</summary>
    private string WriteQueries(TestCatalog catalog)
    {
        string path = _temp.Combine("queries-" + Guid.NewGuid().ToString("N") + ".jsonl");
        string judged = string.Join(",", catalog.GoodIds.Take(3).Select((id, i) => $"\"{id}\":{(i == 0 ? 2 : 1)}"));
        string skipped = catalog.Planted.Count > 0 ? $",\"{catalog.Planted[0].Id}\":2" : "";
        File.WriteAllLines(path,
        [
            "{\"id\":\"q-en\",\"text\":\"mug\",\"lang\":\"en\",\"traits\":[\"mug\"],\"relevance\":{" + judged + skipped + "}}",
            "{\"id\":\"q-zh\",\"text\":\"杯子\",\"lang\":\"zh\",\"traits\":[],\"relevance\":{" + judged + "}}",
        ]);
        return path;
    }

    private string MicroModel()
    {
        string path = _temp.Combine("micro.m6model");
        if (!File.Exists(path))
        {
            Support.MicroModel.Save(path);
        }

        return path;
    }

    private sealed class FixedEncoderFactory(IProductEncoder encoder) : IProductEncoderFactory
    {
        public IProductEncoder Open(string modelPath, DeviceChoice device, bool dropTokensAtCapacity = false) => new Borrowed(encoder);

        // The test owns the encoder: the command's dispose leaves it open for the next run.
        private sealed class Borrowed(IProductEncoder inner) : IProductEncoder
        {
            public int Dimension => inner.Dimension;

            public int ImageSize => inner.ImageSize;

            public string ModelVersion => inner.ModelVersion;

            public float[][] EmbedTexts(IReadOnlyList<string> texts) => inner.EmbedTexts(texts);

            public float[][] EmbedImages(IReadOnlyList<float[]> images) => inner.EmbedImages(images);

            public void Dispose()
            {
            }
        }
    }
}
