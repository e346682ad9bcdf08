using M6Search.Relevance.Export;

namespace M6Search.Relevance.Tests.Export;

public sealed class SafeCsvWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1+2")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    public async Task Export_PrefixesApostrophe_WhenCellStartsWithFormulaCharacter(string title)
    {
        string csv = await SafeCsvWriter.ToStringAsync([new RankingCsvRow("cup", "Log", "p1", title, 3)]);

        string cell = DataLine(csv).Split(',', 4)[3];
        Assert.StartsWith("\"'", cell, StringComparison.Ordinal);
        Assert.Contains(title.Replace("\"", "\"\"", StringComparison.Ordinal), cell, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_LeavesPlainCellsUnchanged()
    {
        string csv = await SafeCsvWriter.ToStringAsync([new RankingCsvRow("bumpy coffee cup", "Labeled", "p1", "Ceramic Mug 350ml", 7)]);

        Assert.Equal("bumpy coffee cup,Labeled,p1,Ceramic Mug 350ml,7", DataLine(csv));
    }

    [Fact]
    public async Task Export_QuotesCommasQuotesAndLineBreaks()
    {
        string csv = await SafeCsvWriter.ToStringAsync([new RankingCsvRow("a,b", "Log", "p\"1", "two\nlines", 1)]);

        Assert.StartsWith("\"a,b\",Log,\"p\"\"1\",\"two\nlines\",1", csv.Split("\r\n")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WritesHeaderFromRecordProperties()
    {
        string csv = await SafeCsvWriter.ToStringAsync(Array.Empty<JudgmentCsvRow>());

        Assert.Equal("Query,ProductId,Title,Verdict,UpdatedUtc", csv.Split("\r\n")[0]);
    }

    private static string DataLine(string csv)
    {
        int start = csv.IndexOf("\r\n", StringComparison.Ordinal) + 2;
        return csv[start..].TrimEnd('\r', '\n');
    }
}
