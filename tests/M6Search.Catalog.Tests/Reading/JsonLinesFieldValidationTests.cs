using M6Search.Catalog.Reading;
using M6Search.Catalog.Tests.Support;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Tests.Reading;

/// <summary>The field checks of the JSON Lines catalog reader: each bad field is reported with its name, line and product.</summary>
public sealed class JsonLinesFieldValidationTests
{
    private const string File = "catalog.jsonl";

    [Theory]
    [InlineData("""{"title":"Cup"}""", "is required but missing")]
    [InlineData("""{"id":"","title":"Cup"}""", "must not be empty")]
    [InlineData("""{"id":"   ","title":"Cup"}""", "must not be blank")]
    [InlineData("""{"id":17,"title":"Cup"}""", "expected a string, got number 17")]
    [InlineData("""{"id":null,"title":"Cup"}""", "expected a string, got null")]
    [InlineData("""{"id":"a\nb","title":"Cup"}""", "control character U+000A")]
    public async Task Reader_ReportsFieldId_WhenTheIdIsMissingEmptyOrNotAString(string line, string message)
    {
        var records = await TestRead.CatalogAsync(line);

        CatalogIssue issue = TestRead.SingleError(records[0].Issues, File, 1, "id");
        Assert.Contains(message, issue.Message);
        Assert.Null(records[0].Product);
    }

    [Theory]
    [InlineData("""{"id":"a"}""", "is required but missing")]
    [InlineData("""{"id":"a","title":""}""", "must not be empty")]
    [InlineData("""{"id":"a","title":{"en":"Cup"}}""", "expected a string, got an object")]
    public async Task Reader_ReportsFieldTitle_WhenTheTitleIsMissingOrEmpty(string line, string message)
    {
        var records = await TestRead.CatalogAsync(line);

        CatalogIssue issue = TestRead.SingleError(records[0].Issues, File, 1, "title");
        Assert.Contains(message, issue.Message);
        Assert.Equal("a", issue.ProductId);
    }

    [Fact]
    public async Task Reader_HintsAtCase_WhenARequiredFieldIsCapitalised()
    {
        var records = await TestRead.CatalogAsync("""{"id":"a","Title":"Cup"}""");

        CatalogIssue issue = TestRead.SingleError(records[0].Issues, File, 1, "title");
        Assert.Contains("there is a field 'Title'", issue.Message);
    }

    [Theory]
    [InlineData("\"abc\"", "expected a number, got string \"abc\"")]
    [InlineData("\"NaN\"", "expected a number, got string \"NaN\"")]
    [InlineData("-3", "must not be negative, got -3")]
    [InlineData("1e400", "must be a finite number")]
    [InlineData("true", "expected a number, got true")]
    public async Task Reader_ReportsFieldPrice_WhenThePriceIsNotAFiniteNonNegativeNumber(string price, string message)
    {
        var records = await TestRead.CatalogAsync($$"""{"id":"a","title":"Cup","price":{{price}}}""");

        CatalogIssue issue = TestRead.SingleError(records[0].Issues, File, 1, "price");
        Assert.Contains(message, issue.Message);
    }

    [Fact]
    public async Task Reader_AcceptsAZeroPrice()
    {
        var records = await TestRead.CatalogAsync("""{"id":"a","title":"Cup","price":0}""");

        Assert.Equal(0.0, Assert.Single(records).Product!.Price);
    }

    [Theory]
    [InlineData("[1]", "expected an object, got an array")]
    [InlineData("\"color=red\"", "expected an object, got string")]
    [InlineData("3", "expected an object, got number 3")]
    public async Task Reader_ReportsFieldAttributes_WhenAttributesIsNotAnObject(string attributes, string message)
    {
        var records = await TestRead.CatalogAsync($$"""{"id":"a","title":"Cup","attributes":{{attributes}}}""");

        CatalogIssue issue = TestRead.SingleError(records[0].Issues, File, 1, "attributes");
        Assert.Contains(message, issue.Message);
    }

    [Fact]
    public async Task Reader_ReportsTheAttributePath_WhenAnAttributeKeyRepeats()
    {
        var records = await TestRead.CatalogAsync("""{"id":"a","title":"Cup","attributes":{"color":"red","color":"blue"}}""");

        TestRead.SingleError(records[0].Issues, File, 1, "attributes.color");
    }

    [Fact]
    public async Task Reader_ReportsTheField_WhenAFieldRepeats()
    {
        var records = await TestRead.CatalogAsync("""{"id":"a","title":"Cup","title":"Mug"}""");

        CatalogIssue issue = TestRead.SingleError(records[0].Issues, File, 1, "title");
        Assert.Contains("appears twice", issue.Message);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("EN")]
    [InlineData("zh-CN")]
    public async Task Reader_ReportsFieldLang_WhenLangIsNotEnOrZh(string lang)
    {
        var records = await TestRead.CatalogAsync($$"""{"id":"a","title":"Cup","lang":"{{lang}}"}""");

        CatalogIssue issue = TestRead.SingleError(records[0].Issues, File, 1, "lang");
        Assert.Contains("must be \"en\" or \"zh\"", issue.Message);
    }

    [Theory]
    [InlineData("\"usd\"")]
    [InlineData("\"US\"")]
    [InlineData("\"EURO\"")]
    [InlineData("840")]
    public async Task Reader_ReportsFieldCurrency_WhenItIsNotThreeCapitalLetters(string currency)
    {
        var records = await TestRead.CatalogAsync($$"""{"id":"a","title":"Cup","currency":{{currency}}}""");

        TestRead.SingleError(records[0].Issues, File, 1, "currency");
    }

    [Theory]
    [InlineData("category")]
    [InlineData("merchant")]
    [InlineData("description")]
    [InlineData("image")]
    public async Task Reader_ReportsTheField_WhenAStringFieldHoldsANumber(string field)
    {
        var records = await TestRead.CatalogAsync($$"""{"id":"a","title":"Cup","{{field}}":5}""");

        CatalogIssue issue = TestRead.SingleError(records[0].Issues, File, 1, field);
        Assert.Contains("expected a string, got number 5", issue.Message);
    }

    [Fact]
    public async Task Reader_ReportsOverLongIdAndTitle_AgainstTheConfiguredLimits()
    {
        var options = new CatalogReadOptions { MaxIdLength = 5, MaxTitleLength = 10 };
        string text = """{"id":"abcdef","title":"Cup"}""" + "\n" + """{"id":"abc","title":"A very long title"}""";

        var records = await TestRead.CatalogAsync(text, options: options);

        Assert.Contains("is 6 characters long; the limit is 5", TestRead.SingleError(records[0].Issues, File, 1, "id").Message);
        Assert.Contains("is 17 characters long; the limit is 10", TestRead.SingleError(records[1].Issues, File, 2, "title").Message);
    }

    [Fact]
    public async Task Reader_AcceptsIdAndTitle_AtExactlyTheDefaultLimits()
    {
        string id = new('i', 256);
        string title = new('t', 1000);

        var records = await TestRead.CatalogAsync($$"""{"id":"{{id}}","title":"{{title}}"}""");

        Assert.True(Assert.Single(records).IsValid);
    }

    [Fact]
    public async Task Reader_ReportsADuplicateId_OnTheSecondLine_NamingTheFirst()
    {
        string text = TestRead.Line("a") + "\n" + TestRead.Line("b") + "\n\n" + TestRead.Line("a", "Mug") + "\n";

        var records = await TestRead.CatalogAsync(text);

        Assert.True(records[0].IsValid);
        Assert.True(records[1].IsValid);
        Assert.False(records[2].IsValid);
        Assert.True(records[2].IsDuplicate);
        CatalogIssue issue = TestRead.SingleError(records[2].Issues, File, 4, "id");
        Assert.Equal("duplicate id \"a\": first used on line 1", issue.Message);
        Assert.Equal("a", issue.ProductId);
    }

    [Fact]
    public async Task Reader_LetsRepeatsThrough_WhenDuplicateDetectionIsOff()
    {
        var options = new CatalogReadOptions { DetectDuplicateIds = false };

        var records = await TestRead.CatalogAsync(TestRead.Line("a") + "\n" + TestRead.Line("a"), options: options);

        Assert.All(records, r => Assert.True(r.IsValid));
    }

    [Theory]
    [InlineData("ftp://example.com/a.jpg", "'ftp:'")]
    [InlineData("file:///etc/passwd", "'file:'")]
    [InlineData("data:image/png;base64,AAAA", "'data:'")]
    [InlineData("https://", "not a valid http(s) URL")]
    public async Task Reader_ReportsFieldImage_WhenTheImageUsesAnotherScheme(string image, string message)
    {
        var records = await TestRead.CatalogAsync($$"""{"id":"a","title":"Cup","image":"{{image}}"}""");

        CatalogIssue issue = TestRead.SingleError(records[0].Issues, File, 1, "image");
        Assert.Contains(message, issue.Message);
    }

    [Fact]
    public async Task Reader_WarnsAndReadsNoImage_WhenTheImageIsAnEmptyString()
    {
        var records = await TestRead.CatalogAsync("""{"id":"a","title":"Cup","image":""}""");

        CatalogRecord record = Assert.Single(records);
        Assert.True(record.IsValid);
        Assert.Null(record.Product!.Image);
        CatalogIssue warning = Assert.Single(record.Issues);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Equal("image", warning.Field);
    }

    [Fact]
    public async Task Reader_NamesTheProduct_InIssuesOfFieldsWrittenBeforeTheId()
    {
        var records = await TestRead.CatalogAsync("""{"price":"abc","lang":"fr","id":"p-9","title":"Cup"}""");

        Assert.Equal(2, records[0].Issues.Count);
        Assert.All(records[0].Issues, i => Assert.Equal("p-9", i.ProductId));
    }

    [Fact]
    public async Task Reader_ReportsEveryProblemOfARow_NotOnlyTheFirst()
    {
        var records = await TestRead.CatalogAsync("""{"id":"a","title":"","price":-1,"lang":"de","attributes":[]}""");

        Assert.Equal(new[] { "title", "price", "lang", "attributes" }, records[0].Issues.Select(i => i.Field));
    }
}
