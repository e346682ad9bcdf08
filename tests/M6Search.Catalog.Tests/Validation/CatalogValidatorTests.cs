using System.Text;
using M6Search.Catalog.Tests.Support;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Tests.Validation;

public sealed class CatalogValidatorTests
{
    [Fact]
    public async Task Validator_KeepsTheFirstIssues_AndCountsTheRest()
    {
        using var folder = new TempFolder();
        string path = folder.File("catalog.jsonl");
        var text = new StringBuilder();
        for (int i = 1; i <= 10; i++)
        {
            text.Append($$"""{"id":"p-{{i}}","title":"Cup","lang":"fr"}""").Append('\n');
        }

        await File.WriteAllTextAsync(path, text.ToString());
        var seen = new List<CatalogIssue>();

        CatalogValidationReport report = await CatalogValidator.ValidateAsync(path, maxIssues: 3, onIssue: seen.Add);

        Assert.Equal(new[] { 1, 2, 3 }, report.Issues.Select(i => i.Line));
        Assert.Equal(7, report.IssuesOmitted);
        Assert.Equal(10, seen.Count);
        Assert.Equal(10, report.Summary.InvalidRows);
        Assert.False(report.IsClean);
    }

    [Fact]
    public async Task Validator_ReportsClean_ForAValidCsv()
    {
        using var folder = new TempFolder();
        string path = folder.File("catalog.csv");
        await File.WriteAllTextAsync(path, "id,title,lang\np-1,Cup,en\np-2,杯子,zh\n");

        CatalogValidationReport report = await CatalogValidator.ValidateAsync(path);

        Assert.True(report.IsClean);
        Assert.Equal(2, report.Summary.ValidRows);
        Assert.Empty(report.Issues);
    }
}
