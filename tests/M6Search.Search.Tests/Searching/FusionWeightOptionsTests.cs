using M6Search.Search.Searching;

namespace M6Search.Search.Tests.Searching;

public sealed class FusionWeightOptionsTests
{
    [Fact]
    public void Parse_ReadsNamedWeights_AndLeavesTheOthersAtOne()
    {
        FusionWeightOptions weights = FusionWeightOptions.Parse("Image=2, lexical=0.5");

        Assert.Equal((2f, 1f, 0.5f), (weights.Image, weights.Text, weights.Lexical));
        Assert.Equal("image=2,text=1,lexical=0.5", weights.ToString());
        Assert.False(weights.AllOne);
        Assert.True(FusionWeightOptions.Parse("").AllOne);
    }

    [Theory]
    [InlineData("title=2", "NAME=WEIGHT")]
    [InlineData("image=-1", "0 or more")]
    [InlineData("image=NaN", "0 or more")]
    [InlineData("image=1,image=2", "twice")]
    [InlineData("image=0,text=0,lexical=0", "above 0")]
    public void TryParse_ExplainsWhatIsWrong(string value, string expected)
    {
        Assert.False(FusionWeightOptions.TryParse(value, out _, out string? error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NamesTheConfigurationKey_OfABadWeight()
    {
        var options = new ProductSearchOptions { FusionWeights = new FusionWeightOptions { Text = -2f } };

        Assert.Contains("M6:Search:FusionWeights:Text must be a finite number of 0 or more, not -2.", options.Validate());
    }
}
