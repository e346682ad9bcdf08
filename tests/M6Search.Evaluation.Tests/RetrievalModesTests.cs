using M6Search.Search.Searching;

namespace M6Search.Evaluation.Tests;

public class RetrievalModesTests
{
    [Fact]
    public void Parse_ReadsACommaSeparatedListInReportOrder()
    {
        Assert.Equal([RetrievalMode.Title, RetrievalMode.Lexical, RetrievalMode.Hybrid], RetrievalModes.Parse(" HYBRID, title ,hybrid,lexical"));
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

    [Fact]
    public void Channels_AreTheAppsChannels_AloneOrAllFusedForHybrid()
    {
        Assert.Equal(SearchChannels.Image, RetrievalModes.Channels(RetrievalMode.Image));
        Assert.Equal(SearchChannels.Text, RetrievalModes.Channels(RetrievalMode.Text));
        Assert.Equal(SearchChannels.Lexical, RetrievalModes.Channels(RetrievalMode.Lexical));
        Assert.Equal(SearchChannels.All, RetrievalModes.Channels(RetrievalMode.Hybrid));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrievalModes.Channels(RetrievalMode.Title));
        Assert.False(RetrievalModes.UsesSearch(RetrievalMode.Title));
    }
}
