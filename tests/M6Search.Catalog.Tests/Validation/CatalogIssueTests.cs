using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Tests.Validation;

public sealed class CatalogIssueTests
{
    [Theory]
    [InlineData(17, "price", "p-17", IssueSeverity.Error, "catalog.jsonl:17: field 'price': expected a number (product p-17)")]
    [InlineData(17, null, null, IssueSeverity.Error, "catalog.jsonl:17: expected a number")]
    [InlineData(0, null, null, IssueSeverity.Error, "catalog.jsonl: expected a number")]
    [InlineData(3, "image", "p-3", IssueSeverity.Warning, "catalog.jsonl:3: warning: field 'image': expected a number (product p-3)")]
    public void Issue_PrintsInCompilerStyle(int line, string? field, string? id, IssueSeverity severity, string expected)
    {
        var issue = new CatalogIssue("catalog.jsonl", line, field, id, "expected a number", severity);

        Assert.Equal(expected, issue.ToString());
    }

    [Fact]
    public void Exception_ShowsTheFirstIssue_AndHowManyMoreThereAre()
    {
        var issues = new[]
        {
            new CatalogIssue("c.jsonl", 2, "id", null, "is required but missing"),
            new CatalogIssue("c.jsonl", 5, "title", "p-5", "must not be empty"),
            new CatalogIssue("c.jsonl", 9, "lang", "p-9", "must be \"en\" or \"zh\", got \"fr\""),
        };

        var ex = new CatalogException(issues);

        Assert.Equal("c.jsonl:2: field 'id': is required but missing (and 2 more issues)", ex.Message);
        Assert.Same(issues[0], ex.Issue);
    }

    [Fact]
    public void Exception_RefusesAnEmptyIssueList()
    {
        Assert.Throws<ArgumentException>(() => new CatalogException(Array.Empty<CatalogIssue>()));
    }
}
