using M6Search.Stores.Abstractions;

namespace M6Search.Stores.Tests.Abstractions;

public sealed class HybridQueryTests
{
    [Fact]
    public void FusionOrder_IsTheDenseNamesInOrdinalOrder_ThenTheLexicalSearch()
    {
        var query = new HybridQuery
        {
            Dense = new Dictionary<string, float[]> { ["text"] = [1f], ["image"] = [1f] },
            Lexical = new SparseVector([1], [1f]),
        };

        Assert.Equal(["image", "text", "lexical"], query.FusionOrder());
    }

    [Fact]
    public void WeightOf_IsOne_ForASearchTheWeightsDoNotName()
    {
        var query = new HybridQuery
        {
            Dense = new Dictionary<string, float[]> { ["image"] = [1f], ["text"] = [1f] },
            Weights = new Dictionary<string, float> { ["image"] = 2f },
        };

        Assert.Equal(2f, query.WeightOf("image"));
        Assert.Equal(1f, query.WeightOf("text"));
        Assert.Null(query.FusionProblem());
    }

    [Fact]
    public void FusionProblem_NamesAWeightForASearchTheQueryDoesNotMake()
    {
        var query = new HybridQuery
        {
            Dense = new Dictionary<string, float[]> { ["image"] = [1f] },
            Weights = new Dictionary<string, float> { ["lexical"] = 2f },
        };

        Assert.Contains("'lexical'", query.FusionProblem());
    }

    [Theory]
    [InlineData(0, 1f, "k must be at least 1")]
    [InlineData(2, -0.5f, "finite number of 0 or more")]
    [InlineData(2, float.NaN, "finite number of 0 or more")]
    public void FusionProblem_NamesABadKOrWeight(int k, float weight, string expected)
    {
        var query = new HybridQuery
        {
            Dense = new Dictionary<string, float[]> { ["image"] = [1f] },
            RrfK = k,
            Weights = new Dictionary<string, float> { ["image"] = weight },
        };

        Assert.Contains(expected, query.FusionProblem());
    }
}
