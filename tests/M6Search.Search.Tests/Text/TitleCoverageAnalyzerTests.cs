using M6Search.Search.Text;

namespace M6Search.Search.Tests.Text;

public sealed class TitleCoverageAnalyzerTests
{
    private readonly TitleCoverageAnalyzer _analyzer = new(new SearchText());

    [Fact]
    public void Analyze_ReportsTheTrait_AsMissing_WhenTheTitleOmitsIt()
    {
        TitleCoverage coverage = _analyzer.Analyze("bumpy coffee cup", "White Ceramic Coffee Cup");

        Assert.Equal(["bumpy"], coverage.MissingWords);
        Assert.Equal(["coffee", "cup"], coverage.MatchedWords);
    }

    [Fact]
    public void Analyze_TreatsCaseAndFullWidthFormsAsTheSameWord()
    {
        TitleCoverage coverage = _analyzer.Analyze("Ｂｕｍｐｙ CUP", "bumpy mug cup");

        Assert.Empty(coverage.MissingWords);
        Assert.Equal(["bumpy", "cup"], coverage.MatchedWords);
    }

    [Fact]
    public void Analyze_MatchesSingularAndPlural()
    {
        TitleCoverage coverage = _analyzer.Analyze("cups with glasses", "Cup and Glass Set");

        Assert.Empty(coverage.MissingWords);
    }

    [Fact]
    public void Analyze_ComparesChineseByCharacter_AndSkipsFunctionCharacters()
    {
        TitleCoverage coverage = _analyzer.Analyze("凹凸的咖啡杯", "白色陶瓷咖啡杯");

        Assert.Equal(["凹凸"], coverage.MissingWords);
        Assert.Equal(["咖啡杯"], coverage.MatchedWords);
    }

    [Fact]
    public void Analyze_LeavesOutEnglishStopWords()
    {
        TitleCoverage coverage = _analyzer.Analyze("a cup for the kitchen", "cup");

        Assert.Equal(["kitchen"], coverage.MissingWords);
    }
}
