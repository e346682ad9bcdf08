using M6Search.Catalog.Reading;
using M6Search.Catalog.Tests.Support;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Tests.Validation;

public sealed class CatalogSummaryTests
{
    [Fact]
    public async Task Summary_CountsRowsIssuesAndDuplicates_ByTopLevelField()
    {
        string text = string.Join('\n',
            TestRead.Line("a"),
            """{"id":"b","title":"Cup","price":"abc","attributes":{"c":1,"c":2}}""",
            TestRead.Line("a"),
            """{"id":"d","title":"Cup","image":""}""",
            "not json",
            string.Empty);
        var summary = new CatalogSummary();

        foreach (CatalogRecord record in await TestRead.CatalogAsync(text))
        {
            summary.Add(record);
        }

        Assert.Equal(5, summary.RowsRead);
        Assert.Equal(2, summary.ValidRows);
        Assert.Equal(3, summary.InvalidRows);
        Assert.Equal(1, summary.DuplicateIds);
        Assert.Equal(4, summary.Errors);
        Assert.Equal(1, summary.Warnings);
        Assert.False(summary.IsClean);
        Assert.Equal(1, summary.IssuesByField["price"]);
        Assert.Equal(1, summary.IssuesByField["attributes"]);
        Assert.Equal(1, summary.IssuesByField["id"]);
        Assert.Equal(1, summary.IssuesByField["image"]);
        Assert.Equal(1, summary.IssuesByField[CatalogSummary.RowKey]);
        Assert.Equal("5 rows: 2 valid, 3 invalid (1 duplicate id); 4 errors, 1 warning", summary.ToString());
    }

    [Fact]
    public void Summary_IsClean_WhenNothingWasAdded()
    {
        var summary = new CatalogSummary();

        Assert.True(summary.IsClean);
        Assert.Equal("0 rows: 0 valid, 0 invalid; 0 errors, 0 warnings", summary.ToString());
    }
}
