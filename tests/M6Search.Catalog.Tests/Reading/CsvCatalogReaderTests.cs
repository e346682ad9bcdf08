using System.Text;
using System.Text.Json.Nodes;
using M6Search.Catalog.Reading;
using M6Search.Catalog.Tests.Support;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Tests.Reading;

public sealed class CsvCatalogReaderTests
{
    private const string File = "catalog.csv";

    private static Task<List<CatalogRecord>> ReadAsync(string text, CatalogReadOptions? options = null) =>
        TestRead.CatalogAsync(text, File, options);

    [Fact]
    public async Task Reader_ReadsEveryColumn_FromAValidCsv()
    {
        const string text = """
            id,title,image,price,currency,category,merchant,lang,description,attributes,sku
            p-1,凹凸的咖啡杯,images/p-1.jpg,12.5,CNY,cups,m-9,zh,"手工, 陶瓷","{""color"":""white"",""n"":3}",A-77
            """;

        var records = await ReadAsync(text);

        CatalogRecord record = Assert.Single(records);
        Assert.Empty(record.Issues);
        Assert.Equal(2, record.Line);
        var product = record.Product!;
        Assert.Equal("p-1", product.Id);
        Assert.Equal("凹凸的咖啡杯", product.Title);
        Assert.Equal("images/p-1.jpg", product.Image);
        Assert.Equal(12.5, product.Price);
        Assert.Equal("CNY", product.Currency);
        Assert.Equal("cups", product.Category);
        Assert.Equal("m-9", product.Merchant);
        Assert.Equal("zh", product.Lang);
        Assert.Equal("手工, 陶瓷", product.Description);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"color":"white","n":3}"""), product.Attributes));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"sku":"A-77"}"""), product.Extra));
    }

    [Fact]
    public async Task Reader_ReadsEmptyCells_AsMissingValues()
    {
        var records = await ReadAsync("id,title,image,price,lang,attributes,sku\np-1,Cup,,,,,\n");

        var product = Assert.Single(records).Product!;
        Assert.Null(product.Image);
        Assert.Null(product.Price);
        Assert.Null(product.Lang);
        Assert.Null(product.Attributes);
        Assert.Null(product.Extra);
    }

    [Fact]
    public async Task Reader_NumbersRowsByTheirFirstLine_WhenAQuotedFieldSpansLines()
    {
        string text = "id,title,description\r\np-1,Cup,\"line one\r\nline two\"\r\n\r\np-2,Mug,plain\r\np-3,Bowl,x\r\n";

        var records = await ReadAsync(text);

        Assert.Equal(new[] { 2, 5, 6 }, records.Select(r => r.Line));
        Assert.Equal("line one\r\nline two", records[0].Product!.Description);
    }

    [Fact]
    public async Task Reader_ToleratesByteOrderMark()
    {
        byte[] bytes = [.. "\uFEFF"u8, .. "id,title\np-1,Cup\n"u8];

        var records = await TestRead.CatalogAsync(bytes, File);

        Assert.Equal("p-1", Assert.Single(records).Product!.Id);
    }

    [Theory]
    [InlineData("title,price\nCup,3\n", "id")]
    [InlineData("id,price\np-1,3\n", "title")]
    public async Task Reader_ReportsTheMissingColumn_OnTheHeaderLine_AndStops(string text, string column)
    {
        var records = await ReadAsync(text);

        CatalogIssue issue = TestRead.SingleError(Assert.Single(records).Issues, File, 1, column);
        Assert.Contains($"the CSV header has no '{column}' column", issue.Message);
    }

    [Fact]
    public async Task Reader_HintsAtCase_WhenAHeaderNameIsCapitalised()
    {
        var records = await ReadAsync("\nID,title\np-1,Cup\n");

        CatalogIssue issue = TestRead.SingleError(Assert.Single(records).Issues, File, 2, "id");
        Assert.Contains("there is a column 'ID'", issue.Message);
    }

    [Fact]
    public async Task Reader_ReportsARepeatedColumn_InTheHeader()
    {
        var records = await ReadAsync("id,title,price,price\np-1,Cup,1,2\n");

        TestRead.SingleError(Assert.Single(records).Issues, File, 1, "price");
    }

    [Theory]
    [InlineData("abc", "expected a number, got \"abc\"")]
    [InlineData("-2", "must not be negative")]
    [InlineData("NaN", "must be a finite number")]
    [InlineData("12,5", null)]
    public async Task Reader_ReportsFieldPrice_WhenThePriceCellIsNotAValidNumber(string price, string? message)
    {
        var records = await ReadAsync($"id,title,price\np-1,Cup,1\np-17,Mug,\"{price}\"\n");

        CatalogIssue issue = TestRead.SingleError(records[1].Issues, File, 3, "price");
        Assert.Equal("p-17", issue.ProductId);
        if (message is not null)
        {
            Assert.Contains(message, issue.Message);
        }
    }

    [Theory]
    [InlineData("\"[1,2]\"", "expected a JSON object, got an array")]
    [InlineData("color=red", "expected a JSON object, got malformed JSON")]
    public async Task Reader_ReportsFieldAttributes_WhenTheCellIsNotAJsonObject(string cell, string message)
    {
        var records = await ReadAsync($"id,title,attributes\np-1,Cup,{cell}\n");

        Assert.Contains(message, TestRead.SingleError(records[0].Issues, File, 2, "attributes").Message);
    }

    [Theory]
    [InlineData("lang", "fr")]
    [InlineData("currency", "usd")]
    [InlineData("image", "ftp://example.com/a.jpg")]
    public async Task Reader_ReportsTheColumn_WhenAValueBreaksItsRule(string column, string value)
    {
        var records = await ReadAsync($"id,title,{column}\np-1,Cup,{value}\n");

        TestRead.SingleError(records[0].Issues, File, 2, column);
    }

    [Theory]
    [InlineData("id,title\n,Cup\n", "id")]
    [InlineData("id,title\np-1,\n", "title")]
    public async Task Reader_ReportsAnEmptyRequiredCell(string text, string field)
    {
        var records = await ReadAsync(text);

        Assert.Contains("is required but empty", TestRead.SingleError(records[0].Issues, File, 2, field).Message);
    }

    [Fact]
    public async Task Reader_ReportsARowWithTheWrongNumberOfFields()
    {
        var records = await ReadAsync("id,title\np-1,Cup,extra\np-2,Mug\n");

        CatalogIssue issue = TestRead.SingleError(records[0].Issues, File, 2, null);
        Assert.Equal("the row has 3 fields; the header has 2", issue.Message);
        Assert.Equal("p-1", issue.ProductId);
        Assert.True(records[1].IsValid);
    }

    [Fact]
    public async Task Reader_ReportsTheColumn_OfAStrayQuote()
    {
        var records = await ReadAsync("id,title\np-1,12\" cup\n");

        CatalogIssue issue = TestRead.SingleError(records[0].Issues, File, 2, "title");
        Assert.Contains("a quote inside an unquoted value", issue.Message);
    }

    [Fact]
    public async Task Reader_ReportsADuplicateId_NamingTheFirstLine()
    {
        var records = await ReadAsync("id,title\np-1,Cup\np-2,Mug\np-1,Bowl\n");

        Assert.True(records[2].IsDuplicate);
        Assert.Equal("duplicate id \"p-1\": first used on line 2", TestRead.SingleError(records[2].Issues, File, 4, "id").Message);
    }

    [Fact]
    public async Task Reader_StopsAtInvalidUtf8_AfterReadingTheRowsBeforeIt()
    {
        byte[] bytes = [.. "id,title\np-1,Cup\np-2,C"u8, 0xC3, 0x28, .. "up\np-3,Bowl\n"u8];

        var records = await TestRead.CatalogAsync(bytes, File);

        Assert.Equal(2, records.Count);
        Assert.Equal("p-1", records[0].Product!.Id);
        CatalogIssue issue = TestRead.SingleError(records[1].Issues, File, 3, null);
        Assert.Contains("invalid UTF-8 at byte 6 of the line (byte 0xC3)", issue.Message);
    }

    [Fact]
    public async Task Reader_StopsAtInvalidUtf8_OnTheRightLine_WhenTheBadByteIsFarAhead()
    {
        var text = new StringBuilder("id,title\n");
        for (int i = 1; i <= 5000; i++)
        {
            text.Append("p-").Append(i).Append(",Ceramic cup number ").Append(i).Append('\n');
        }

        byte[] bytes = [.. Encoding.UTF8.GetBytes(text.ToString()), .. "p-x,Bad "u8, 0xFF, .. "\n"u8];

        var records = await TestRead.CatalogAsync(bytes, File);

        Assert.Equal(5001, records.Count);
        Assert.All(records.Take(5000), r => Assert.True(r.IsValid));
        TestRead.SingleError(records[^1].Issues, File, 5002, null);
    }

    [Fact]
    public async Task Reader_StopsAtAnOverLongField_NamingItsLine()
    {
        var options = new CatalogReadOptions { MaxLineBytes = 100 };

        var records = await ReadAsync($"id,title\np-1,Cup\np-2,{new string('x', 300)}\np-3,Bowl\n", options);

        Assert.Equal(2, records.Count);
        Assert.Contains("longer than 100 characters", TestRead.SingleError(records[1].Issues, File, 3, null).Message);
    }

    [Fact]
    public async Task Reader_ReadsNothing_FromAnEmptyCsv()
    {
        Assert.Empty(await ReadAsync(string.Empty));
    }
}
