using M6Search.Catalog.Reading;
using M6Search.Catalog.Tests.Support;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Tests.Reading;

public sealed class LabeledQueryReaderTests
{
    private const string File = "queries.jsonl";

    [Fact]
    public async Task Reader_ReadsAQuery_WithTraitsAndGrades()
    {
        var records = await TestRead.QueriesAsync("""{"id":"q-1","text":"凹凸的咖啡杯","lang":"zh","traits":["凹凸","bumpy"],"relevance":{"p-1":2,"p-7":1}}""");

        var query = Assert.Single(records).Value!;
        Assert.Equal("q-1", query.Id);
        Assert.Equal("凹凸的咖啡杯", query.Text);
        Assert.Equal("zh", query.Lang);
        Assert.Equal(new[] { "凹凸", "bumpy" }, query.Traits);
        Assert.Equal(2, query.Relevance["p-1"]);
        Assert.Equal(1, query.Relevance["p-7"]);
    }

    [Fact]
    public async Task Reader_ReadsNoTraits_WhenTraitsIsMissing()
    {
        var records = await TestRead.QueriesAsync("""{"id":"q-1","text":"cup","lang":"en","relevance":{"p-1":1}}""");

        Assert.Empty(Assert.Single(records).Value!.Traits);
    }

    [Theory]
    [InlineData("""{"id":"q-1","text":"cup","lang":"en","relevance":{"p-1":3}}""", "relevance.p-1", "grade must be 1 or 2, got number 3")]
    [InlineData("""{"id":"q-1","text":"cup","lang":"en","relevance":{"p-1":0}}""", "relevance.p-1", "grade must be 1 or 2")]
    [InlineData("""{"id":"q-1","text":"cup","lang":"en","relevance":{"p-1":"2"}}""", "relevance.p-1", "got string \"2\"")]
    [InlineData("""{"id":"q-1","text":"cup","lang":"en","relevance":{"p-1":1.5}}""", "relevance.p-1", "got number 1.5")]
    [InlineData("""{"id":"q-1","text":"cup","lang":"en","relevance":{"":1}}""", "relevance.", "must not be empty")]
    [InlineData("""{"id":"q-1","text":"cup","lang":"en","relevance":[["p-1",2]]}""", "relevance", "expected an object")]
    [InlineData("""{"id":"q-1","text":"cup","lang":"en"}""", "relevance", "is required but missing")]
    [InlineData("""{"id":"q-1","text":"","lang":"en","relevance":{"p-1":1}}""", "text", "must not be empty")]
    [InlineData("""{"id":"q-1","lang":"en","relevance":{"p-1":1}}""", "text", "is required but missing")]
    [InlineData("""{"id":"q-1","text":"cup","lang":"de","relevance":{"p-1":1}}""", "lang", "must be \"en\" or \"zh\"")]
    [InlineData("""{"id":"q-1","text":"cup","relevance":{"p-1":1}}""", "lang", "is required but missing")]
    [InlineData("""{"text":"cup","lang":"en","relevance":{"p-1":1}}""", "id", "is required but missing")]
    [InlineData("""{"id":5,"text":"cup","lang":"en","relevance":{"p-1":1}}""", "id", "expected a string, got number 5")]
    [InlineData("""{"id":"q-1","text":"cup","lang":"en","traits":"bumpy","relevance":{"p-1":1}}""", "traits", "expected an array of strings")]
    [InlineData("""{"id":"q-1","text":"cup","lang":"en","traits":["bumpy",7],"relevance":{"p-1":1}}""", "traits[1]", "expected a string, got number 7")]
    public async Task Reader_ReportsFileLineAndField_ForEachBrokenRule(string line, string field, string message)
    {
        var records = await TestRead.QueriesAsync("""{"id":"q-0","text":"mug","lang":"en","relevance":{"p-0":2}}""" + "\n" + line);

        Assert.True(records[0].IsValid);
        Assert.Null(records[1].Value);
        Assert.Contains(message, TestRead.SingleError(records[1].Issues, File, 2, field).Message);
    }

    [Fact]
    public async Task Reader_ReportsMalformedJson_InAQueriesFile()
    {
        var records = await TestRead.QueriesAsync("""{"id":"q-1","text":"cup",""");

        TestRead.SingleError(records[0].Issues, File, 1, null);
    }

    [Fact]
    public async Task Reader_ReportsADuplicateQueryId_NamingTheFirstLine()
    {
        const string line = """{"id":"q-1","text":"cup","lang":"en","relevance":{"p-1":1}}""";

        var records = await TestRead.QueriesAsync(line + "\n" + line);

        Assert.True(records[1].IsDuplicate);
        CatalogIssue issue = TestRead.SingleError(records[1].Issues, File, 2, "id");
        Assert.Equal("queries.jsonl:2: field 'id': duplicate query id \"q-1\": first used on line 1 (query q-1)", issue.ToString());
    }

    [Fact]
    public async Task Reader_WarnsAboutAnUnknownField_SuggestingTheRightName()
    {
        var records = await TestRead.QueriesAsync("""{"id":"q-1","text":"cup","lang":"en","relevance":{"p-1":1},"Traits":["x"]}""");

        CatalogIssue warning = Assert.Single(records[0].Issues);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Equal("Traits", warning.Field);
        Assert.Contains("did you mean 'traits'", warning.Message);
        Assert.True(records[0].IsValid);
    }

    [Fact]
    public async Task Reader_WarnsAboutAQueryWithNoRelevantProduct()
    {
        var records = await TestRead.QueriesAsync("""{"id":"q-1","text":"cup","lang":"en","relevance":{}}""");

        Assert.Equal(IssueSeverity.Warning, Assert.Single(records[0].Issues).Severity);
        Assert.True(records[0].IsValid);
    }

    [Fact]
    public async Task ReadAllAsync_ThrowsWithEveryError_WhenAnyLineIsInvalid()
    {
        using var folder = new TempFolder();
        string path = folder.File("queries.jsonl");
        await System.IO.File.WriteAllLinesAsync(path, new[]
        {
            """{"id":"q-1","text":"cup","lang":"en","relevance":{"p-1":1}}""",
            """{"id":"q-2","text":"","lang":"en","relevance":{"p-1":1}}""",
            """{"id":"q-3","text":"bowl","lang":"xx","relevance":{"p-1":5}}""",
        });

        var ex = await Assert.ThrowsAsync<CatalogException>(() => LabeledQueryReader.ReadAllAsync(path));

        Assert.Equal(new[] { (2, "text"), (3, "lang"), (3, "relevance.p-1") }, ex.Issues.Select(i => (i.Line, i.Field!)));
    }

    [Fact]
    public async Task ReadAllAsync_ReturnsEveryQuery_FromAValidFile()
    {
        using var folder = new TempFolder();
        string path = folder.File("queries.jsonl");
        await System.IO.File.WriteAllLinesAsync(path, new[]
        {
            """{"id":"q-1","text":"cup","lang":"en","relevance":{"p-1":1}}""",
            """{"id":"q-2","text":"杯子","lang":"zh","relevance":{"p-2":2}}""",
        });

        var queries = await LabeledQueryReader.ReadAllAsync(path);

        Assert.Equal(new[] { "q-1", "q-2" }, queries.Select(q => q.Id));
    }
}
