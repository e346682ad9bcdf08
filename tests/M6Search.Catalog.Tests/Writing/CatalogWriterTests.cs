using System.Text;
using System.Text.Json.Nodes;
using M6Search.Catalog.Products;
using M6Search.Catalog.Reading;
using M6Search.Catalog.Tests.Support;
using M6Search.Catalog.Validation;
using M6Search.Catalog.Writing;

namespace M6Search.Catalog.Tests.Writing;

public sealed class CatalogWriterTests
{
    private static readonly Product[] Products =
    [
        new Product
        {
            Id = "p-1",
            Title = "凹凸的咖啡杯",
            Image = "images/p-1.jpg",
            Price = 12.5,
            Currency = "CNY",
            Category = "杯子",
            Merchant = "m-9",
            Lang = "zh",
            Description = "手工\n陶瓷 \"精品\"",
            Attributes = new JsonObject { ["texture"] = "凹凸", ["sizes"] = new JsonArray(250, 350), ["glazed"] = true },
            Extra = new JsonObject { ["sku"] = "A-77", ["seller"] = new JsonObject { ["since"] = 2019 } },
        },
        new Product { Id = "p-2", Title = "Plain mug" },
        new Product { Id = "p-3", Title = "Bowl", Price = 0, Lang = "en", Image = "https://cdn.example.com/p-3.jpg" },
    ];

    [Fact]
    public async Task Writer_RoundTripsEveryField_ThroughTheReader()
    {
        using var stream = new MemoryStream();
        await using (var writer = new CatalogWriter(stream, leaveOpen: true))
        {
            await writer.WriteAllAsync(Products);
        }

        stream.Position = 0;
        var records = new List<CatalogRecord>();
        await foreach (CatalogRecord record in CatalogReader.ReadAsync(stream, "catalog.jsonl"))
        {
            records.Add(record);
        }

        Assert.All(records, r => Assert.Empty(r.Issues));
        Assert.Equal(Products.Length, records.Count);
        for (int i = 0; i < Products.Length; i++)
        {
            AssertSameProduct(Products[i], records[i].Product!);
        }
    }

    [Fact]
    public async Task Writer_WritesOneReadableLinePerProduct_WithChineseUnescaped()
    {
        using var stream = new MemoryStream();
        await using (var writer = new CatalogWriter(stream, leaveOpen: true))
        {
            await writer.WriteAllAsync(Products);
            Assert.Equal(3, writer.Count);
        }

        string text = Encoding.UTF8.GetString(stream.ToArray());
        string[] lines = text.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal(string.Empty, lines[3]);
        Assert.Contains("凹凸的咖啡杯", lines[0]);
        Assert.StartsWith("{\"id\":\"p-1\",\"title\":", lines[0]);
        Assert.Contains("\"sku\":\"A-77\"", lines[0]);
        Assert.Equal("{\"id\":\"p-2\",\"title\":\"Plain mug\"}", lines[1]);
        Assert.False(stream.ToArray().AsSpan().StartsWith("\uFEFF"u8));
    }

    [Fact]
    public async Task Writer_RefusesAProductTheReaderWouldReject_NamingLineAndField()
    {
        using var stream = new MemoryStream();
        await using var writer = new CatalogWriter(stream, "out.jsonl", leaveOpen: true);
        await writer.WriteAsync(Products[1]);

        var ex = await Assert.ThrowsAsync<CatalogException>(() => writer.WriteAsync(new Product { Id = "p-9", Title = " ", Price = -1 }).AsTask());

        Assert.Equal(new[] { "title", "price" }, ex.Issues.Select(i => i.Field));
        Assert.All(ex.Issues, i => Assert.Equal(("out.jsonl", 2, "p-9"), (i.File, i.Line, i.ProductId!)));
        Assert.Equal(1, writer.Count);
    }

    [Fact]
    public async Task Writer_RefusesAnExtraFieldThatShadowsANamedOne()
    {
        await using var writer = new CatalogWriter(new MemoryStream());
        var product = new Product { Id = "p-1", Title = "Cup", Extra = new JsonObject { ["title"] = "Mug" } };

        var ex = await Assert.ThrowsAsync<CatalogException>(() => writer.WriteAsync(product).AsTask());

        Assert.Equal("title", ex.Issue.Field);
    }

    [Fact]
    public async Task WriteFileAsync_CreatesTheFolder_AndTheFileReadsBack()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "out", "nested", "catalog.jsonl");

        long written = await CatalogWriter.WriteFileAsync(path, Products);

        Assert.Equal(3, written);
        var ids = new List<string>();
        await foreach (var product in CatalogReader.ReadProductsAsync(path))
        {
            ids.Add(product.Id);
        }

        Assert.Equal(new[] { "p-1", "p-2", "p-3" }, ids);
    }

    [Fact]
    public async Task Writer_WritesEverything_WhenMoreThanOneBufferIsNeeded()
    {
        using var stream = new MemoryStream();
        await using (var writer = new CatalogWriter(stream, leaveOpen: true))
        {
            for (int i = 0; i < 5000; i++)
            {
                await writer.WriteAsync(new Product { Id = $"p-{i}", Title = $"Ceramic cup number {i} 陶瓷杯" });
            }
        }

        stream.Position = 0;
        int count = 0;
        await foreach (CatalogRecord record in CatalogReader.ReadAsync(stream, "catalog.jsonl"))
        {
            Assert.Equal($"p-{count}", record.Product!.Id);
            count++;
        }

        Assert.Equal(5000, count);
    }

    private static void AssertSameProduct(Product expected, Product actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Image, actual.Image);
        Assert.Equal(expected.Price, actual.Price);
        Assert.Equal(expected.Currency, actual.Currency);
        Assert.Equal(expected.Category, actual.Category);
        Assert.Equal(expected.Merchant, actual.Merchant);
        Assert.Equal(expected.Lang, actual.Lang);
        Assert.Equal(expected.Description, actual.Description);
        Assert.True(JsonNode.DeepEquals(expected.Attributes, actual.Attributes), "attributes differ");
        Assert.True(JsonNode.DeepEquals(expected.Extra, actual.Extra), "extra fields differ");
    }
}
