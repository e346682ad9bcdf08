using System.Text;
using System.Text.Json.Nodes;
using M6Search.Catalog.Reading;
using M6Search.Catalog.Tests.Support;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Tests.Reading;

/// <summary>Reading JSON Lines catalogs: valid rows, line numbers, encodings, malformed JSON, over-long lines, formats.</summary>
public sealed class JsonLinesCatalogReaderTests
{
    private const string File = "catalog.jsonl";

    [Fact]
    public async Task Reader_ReadsEveryField_FromAValidLine()
    {
        const string line = """
            {"id":"p-1","title":"凹凸的咖啡杯","image":"images/p-1.jpg","price":12.5,"currency":"CNY","category":"cups","merchant":"m-9","lang":"zh","description":"手工","attributes":{"color":"white","size":[1,2]},"sku":"A-77"}
            """;

        CatalogRecord record = Assert.Single(await TestRead.CatalogAsync(line));

        Assert.True(record.IsValid);
        Assert.Empty(record.Issues);
        Assert.Equal(1, record.Line);
        var product = record.Product!;
        Assert.Equal("p-1", product.Id);
        Assert.Equal("凹凸的咖啡杯", product.Title);
        Assert.Equal("images/p-1.jpg", product.Image);
        Assert.Equal(12.5, product.Price);
        Assert.Equal("CNY", product.Currency);
        Assert.Equal("cups", product.Category);
        Assert.Equal("m-9", product.Merchant);
        Assert.Equal("zh", product.Lang);
        Assert.Equal("手工", product.Description);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"color":"white","size":[1,2]}"""), product.Attributes));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"sku":"A-77"}"""), product.Extra));
    }

    [Fact]
    public async Task Reader_LeavesOptionalFieldsNull_WhenMissingOrNull()
    {
        var records = await TestRead.CatalogAsync("""{"id":"p-1","title":"Cup","image":null,"price":null,"lang":null,"attributes":null}""");

        var product = Assert.Single(records).Product!;
        Assert.Null(product.Image);
        Assert.Null(product.Price);
        Assert.Null(product.Lang);
        Assert.Null(product.Attributes);
        Assert.Null(product.Extra);
    }

    [Fact]
    public async Task Reader_SkipsBlankLines_AndKeepsTheFileLineNumbers()
    {
        string text = TestRead.Line("a") + "\n\n   \n" + TestRead.Line("b") + "\n\t\n" + TestRead.Line("c") + "\n\n";

        var records = await TestRead.CatalogAsync(text);

        Assert.Equal(new[] { 1, 4, 6 }, records.Select(r => r.Line));
        Assert.All(records, r => Assert.True(r.IsValid));
    }

    [Fact]
    public async Task Reader_ToleratesByteOrderMarkAndCrlf_AndALastLineWithoutNewline()
    {
        byte[] bytes = [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(TestRead.Line("a") + "\r\n" + TestRead.Line("b") + "\r\n" + TestRead.Line("c"))];

        var records = await TestRead.CatalogAsync(bytes);

        Assert.Equal(new[] { "a", "b", "c" }, records.Select(r => r.Product!.Id));
        Assert.Equal(new[] { 1, 2, 3 }, records.Select(r => r.Line));
    }

    [Fact]
    public async Task Reader_ReportsFileLineAndField_WhenPriceIsNotANumber()
    {
        var text = new StringBuilder();
        for (int i = 1; i <= 16; i++)
        {
            text.Append(TestRead.Line($"p-{i}")).Append('\n');
        }

        text.Append("""{"id":"p-17","title":"Cup","price":"abc"}""").Append('\n');

        var records = await TestRead.CatalogAsync(text.ToString());

        CatalogRecord bad = records[^1];
        Assert.False(bad.IsValid);
        CatalogIssue issue = TestRead.SingleError(bad.Issues, File, 17, "price");
        Assert.Equal("p-17", issue.ProductId);
        Assert.Equal("catalog.jsonl:17: field 'price': expected a number, got string \"abc\" (product p-17)", issue.ToString());
    }

    [Fact]
    public async Task Reader_ReportsMalformedJson_WithTheFieldAndBytePosition()
    {
        string text = TestRead.Line("a") + "\n" + """{"id":"b","title":"Cup","price":tru}""";

        var records = await TestRead.CatalogAsync(text);

        CatalogIssue issue = TestRead.SingleError(records[1].Issues, File, 2, "price");
        Assert.Contains("malformed JSON at byte 36 of the line", issue.Message);
        Assert.DoesNotContain("LineNumber", issue.Message);
    }

    [Fact]
    public async Task Reader_ReportsMalformedJson_WithoutAField_WhenTheBreakIsBetweenFields()
    {
        var records = await TestRead.CatalogAsync("""{"id":"b" "title":"Cup"}""");

        CatalogIssue issue = TestRead.SingleError(records[0].Issues, File, 1, null);
        Assert.Contains("malformed JSON at byte 11", issue.Message);
    }

    [Fact]
    public async Task Reader_ReportsMalformedJson_WhenTwoObjectsShareALine()
    {
        var records = await TestRead.CatalogAsync(TestRead.Line("a") + " " + TestRead.Line("b"));

        CatalogIssue issue = TestRead.SingleError(records[0].Issues, File, 1, null);
        Assert.Contains("malformed JSON", issue.Message);
    }

    [Fact]
    public async Task Reader_ReportsNaNPrice_AsMalformedJsonInFieldPrice()
    {
        var records = await TestRead.CatalogAsync("""{"id":"a","title":"Cup","price":NaN}""");

        TestRead.SingleError(records[0].Issues, File, 1, "price");
    }

    [Theory]
    [InlineData("[1,2]", "an array")]
    [InlineData("\"text\"", "string \"text\"")]
    [InlineData("42", "number 42")]
    [InlineData("null", "null")]
    public async Task Reader_ReportsALineThatIsNotAnObject(string line, string described)
    {
        var records = await TestRead.CatalogAsync(TestRead.Line("a") + "\n" + line);

        CatalogIssue issue = TestRead.SingleError(records[1].Issues, File, 2, null);
        Assert.Contains("expected a JSON object, got " + described, issue.Message);
    }

    [Fact]
    public async Task Reader_SkipsAnOverLongLine_AndReadsTheNextOne()
    {
        var options = new CatalogReadOptions { MaxLineBytes = 100 };
        string longLine = $$"""{"id":"b","title":"{{new string('x', 500)}}"}""";
        string text = TestRead.Line("a") + "\n" + longLine + "\r\n" + TestRead.Line("c") + "\n";

        var records = await TestRead.CatalogAsync(text, options: options);

        Assert.Equal(3, records.Count);
        CatalogIssue issue = TestRead.SingleError(records[1].Issues, File, 2, null);
        Assert.Contains($"the line is {longLine.Length} bytes long; the limit is 100 bytes", issue.Message);
        Assert.Equal("c", records[2].Product!.Id);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public async Task Reader_ReportsInvalidUtf8_WithTheLineAndBytePosition()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(TestRead.Line("a") + "\n"), .. "{\"id\":\"b\",\"title\":\"C"u8, 0xFF, .. "up\"}\n"u8, .. Encoding.UTF8.GetBytes(TestRead.Line("c"))];

        var records = await TestRead.CatalogAsync(bytes);

        Assert.Equal(3, records.Count);
        CatalogIssue issue = TestRead.SingleError(records[1].Issues, File, 2, null);
        Assert.Contains("invalid UTF-8 at byte 21 of the line (byte 0xFF)", issue.Message);
        Assert.True(records[2].IsValid);
    }

    [Fact]
    public async Task Reader_ReportsInvalidUtf8_WhenACharacterIsCutShort()
    {
        byte[] chinese = Encoding.UTF8.GetBytes("杯");
        byte[] bytes = [.. "{\"id\":\"a\",\"title\":\""u8, chinese[0], chinese[1], .. "\"}"u8];

        var records = await TestRead.CatalogAsync(bytes);

        Assert.Contains("invalid UTF-8 at byte 20", TestRead.SingleError(records[0].Issues, File, 1, null).Message);
    }

    [Fact]
    public async Task Reader_ReportsUtf16Files_OnceAndStops()
    {
        byte[] bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(TestRead.Line("a") + "\n" + TestRead.Line("b"))).ToArray();

        var records = await TestRead.CatalogAsync(bytes);

        CatalogIssue issue = TestRead.SingleError(Assert.Single(records).Issues, File, 1, null);
        Assert.Contains("UTF-16", issue.Message);
    }

    [Fact]
    public async Task Reader_KeepsUnknownFields_WithNestedValuesAndExactNumbers()
    {
        var records = await TestRead.CatalogAsync("""{"id":"a","title":"Cup","rating":4.50,"tags":["x","y"],"seller":{"name":"Li","since":2019},"gone":null}""");

        var extra = Assert.Single(records).Product!.Extra!;
        Assert.Equal("4.50", extra["rating"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""["x","y"]"""), extra["tags"]));
        Assert.Equal("Li", (string?)extra["seller"]!["name"]);
        Assert.True(extra.ContainsKey("gone"));
    }

    [Fact]
    public async Task ReadProductsAsync_ThrowsCatalogException_NamingTheFirstBadRow()
    {
        using var folder = new TempFolder();
        string path = folder.File("shop.jsonl");
        await System.IO.File.WriteAllTextAsync(path, TestRead.Line("a") + "\n" + """{"id":"b","title":"Cup","price":"abc"}""" + "\n");
        var read = new List<string>();

        var ex = await Assert.ThrowsAsync<CatalogException>(async () =>
        {
            await foreach (var product in CatalogReader.ReadProductsAsync(path))
            {
                read.Add(product.Id);
            }
        });

        Assert.Equal(new[] { "a" }, read);
        Assert.Equal(path, ex.Issue.File);
        Assert.Equal(2, ex.Issue.Line);
        Assert.Equal("price", ex.Issue.Field);
        Assert.StartsWith(path + ":2: field 'price'", ex.Message);
    }

    [Theory]
    [InlineData("shop.jsonl", CatalogFormat.JsonLines)]
    [InlineData("shop.NDJSON", CatalogFormat.JsonLines)]
    [InlineData("shop.json", CatalogFormat.JsonLines)]
    [InlineData("data/shop.csv", CatalogFormat.Csv)]
    public void DetectFormat_ChoosesByExtension(string fileName, CatalogFormat expected)
    {
        Assert.Equal(expected, CatalogReader.DetectFormat(fileName));
    }

    [Fact]
    public void DetectFormat_ThrowsNamingTheFile_WhenTheExtensionIsUnknown()
    {
        var ex = Assert.Throws<CatalogException>(() => CatalogReader.DetectFormat("shop.txt"));

        Assert.Equal("shop.txt", ex.Issue.File);
        Assert.Contains("'.txt'", ex.Message);
    }

    [Fact]
    public async Task Reader_UsesTheFormatFromOptions_OverTheExtension()
    {
        var options = new CatalogReadOptions { Format = CatalogFormat.Csv };

        var records = await TestRead.CatalogAsync("id,title\np-1,Cup\n", "export.txt", options);

        Assert.Equal("p-1", Assert.Single(records).Product!.Id);
    }
}
