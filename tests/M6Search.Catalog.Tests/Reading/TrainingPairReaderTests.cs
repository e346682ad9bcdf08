using M6Search.Catalog.Reading;
using M6Search.Catalog.Tests.Support;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Tests.Reading;

public sealed class TrainingPairReaderTests
{
    private const string File = "pairs.jsonl";

    [Fact]
    public async Task Reader_ReadsAPair()
    {
        var records = await TestRead.PairsAsync("""{"productId":"p-1","image":"images/p-1.jpg","text":"a bumpy white cup","lang":"en"}""");

        var pair = Assert.Single(records).Value!;
        Assert.Equal("p-1", pair.ProductId);
        Assert.Equal("images/p-1.jpg", pair.Image);
        Assert.Equal("a bumpy white cup", pair.Text);
        Assert.Equal("en", pair.Lang);
    }

    [Theory]
    [InlineData("""{"image":"a.jpg","text":"cup","lang":"en"}""", "productId", "is required but missing")]
    [InlineData("""{"productId":"","image":"a.jpg","text":"cup","lang":"en"}""", "productId", "must not be empty")]
    [InlineData("""{"productId":"p-1","text":"cup","lang":"en"}""", "image", "is required but missing")]
    [InlineData("""{"productId":"p-1","image":"","text":"cup","lang":"en"}""", "image", "must not be empty")]
    [InlineData("""{"productId":"p-1","image":"ftp://x/a.jpg","text":"cup","lang":"en"}""", "image", "unsupported URI scheme 'ftp:'")]
    [InlineData("""{"productId":"p-1","image":"a.jpg","text":" ","lang":"en"}""", "text", "must not be blank")]
    [InlineData("""{"productId":"p-1","image":"a.jpg","text":["cup"],"lang":"en"}""", "text", "expected a string, got an array")]
    [InlineData("""{"productId":"p-1","image":"a.jpg","text":"cup","lang":"ja"}""", "lang", "must be \"en\" or \"zh\"")]
    public async Task Reader_ReportsFileLineAndField_ForEachBrokenRule(string line, string field, string message)
    {
        var records = await TestRead.PairsAsync("\n" + line);

        Assert.Contains(message, TestRead.SingleError(records[0].Issues, File, 2, field).Message);
    }

    [Fact]
    public async Task Reader_AllowsManyPairsForOneProduct()
    {
        const string line = """{"productId":"p-1","image":"a.jpg","text":"cup","lang":"en"}""";

        var records = await TestRead.PairsAsync(line + "\n" + line);

        Assert.All(records, r => Assert.True(r.IsValid));
    }

    [Fact]
    public async Task ReadPairsAsync_ThrowsAtTheFirstInvalidLine()
    {
        using var folder = new TempFolder();
        string path = folder.File("pairs.jsonl");
        await System.IO.File.WriteAllLinesAsync(path, new[]
        {
            """{"productId":"p-1","image":"a.jpg","text":"cup","lang":"en"}""",
            """{"productId":"p-2","image":"b.jpg","text":"mug"}""",
        });
        int read = 0;

        var ex = await Assert.ThrowsAsync<CatalogException>(async () =>
        {
            await foreach (var pair in TrainingPairReader.ReadPairsAsync(path))
            {
                read++;
            }
        });

        Assert.Equal(1, read);
        Assert.Equal((path, 2, "lang", "p-2"), (ex.Issue.File, ex.Issue.Line, ex.Issue.Field!, ex.Issue.ProductId!));
    }
}
