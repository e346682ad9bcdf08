namespace M6Search.Evaluation.Tests;

public class FusionWeightsTests
{
    [Fact]
    public void Names_left_out_keep_weight_one_and_names_ignore_case()
    {
        Assert.Equal(new FusionWeights(Image: 2, Text: 1, Title: 0.5), FusionWeights.Parse("IMAGE=2, title=0.5"));
        Assert.Equal(FusionWeights.Equal, FusionWeights.Parse(""));
    }

    [Fact]
    public void The_printed_form_parses_back_to_the_same_weights()
    {
        var weights = new FusionWeights(1.5, 0, 0.25);

        Assert.Equal("image=1.5,text=0,title=0.25", weights.ToString());
        Assert.Equal(weights, FusionWeights.Parse(weights.ToString()));
        Assert.Equal([1.5, 0, 0.25], weights.InFusionOrder);
    }

    [Theory]
    [InlineData("colour=2", "colour=2")]
    [InlineData("image", "image")]
    [InlineData("image=-1", "-1")]
    [InlineData("image=abc", "abc")]
    [InlineData("image=1,image=2", "twice")]
    [InlineData("image=0,text=0,title=0", "above 0")]
    public void A_bad_list_is_refused_naming_the_problem(string value, string named)
    {
        Assert.False(FusionWeights.TryParse(value, out FusionWeights? weights, out string? error));
        Assert.Null(weights);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }
}
