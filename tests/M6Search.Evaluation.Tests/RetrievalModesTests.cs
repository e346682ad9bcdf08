namespace M6Search.Evaluation.Tests;

public class RetrievalModesTests
{
    [Fact]
    public void Parse_ReadsACommaSeparatedListInReportOrder()
    {
        Assert.Equal([RetrievalMode.Title, RetrievalMode.Hybrid], RetrievalModes.Parse(" HYBRID, title ,hybrid"));
    }

    [Fact]
    public void Parse_NamesAnUnknownMode()
    {
        var ex = Assert.Throws<ArgumentException>(() => RetrievalModes.Parse("title,photo"));

        Assert.Contains("'photo'", ex.Message);
    }

    [Fact]
    public void Parse_RejectsAnEmptyList()
    {
        Assert.Throws<ArgumentException>(() => RetrievalModes.Parse(" , "));
    }
}
