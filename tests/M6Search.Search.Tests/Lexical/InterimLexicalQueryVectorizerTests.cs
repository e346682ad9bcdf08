using M6Search.Search.Lexical;
using M6Search.Search.Text;
using M6Search.Stores.Abstractions;

namespace M6Search.Search.Tests.Lexical;

public sealed class InterimLexicalQueryVectorizerTests
{
    private readonly InterimLexicalQueryVectorizer _vectorizer = new(new SearchText());

    [Fact]
    public void Vectorize_GivesTheSameVector_ForCaseAndWidthVariants()
    {
        SparseVector a = _vectorizer.Vectorize("Bumpy Cup");
        SparseVector b = _vectorizer.Vectorize("ｂｕｍｐｙ  cup!");

        Assert.Equal(a.Indices, b.Indices);
        Assert.Equal(a.Values, b.Values);
    }

    [Fact]
    public void Vectorize_GivesSortedDistinctIndices_WithRepeatedTermsCounted()
    {
        SparseVector vector = _vectorizer.Vectorize("cup cup 杯杯");

        Assert.True(vector.Indices.Zip(vector.Indices.Skip(1)).All(pair => pair.First < pair.Second));
        Assert.Equal(2f, vector.Values[Array.IndexOf(vector.Indices, InterimLexicalTerms.IndexOf("w:cup"))]);
        Assert.Equal(2f, vector.Values[Array.IndexOf(vector.Indices, InterimLexicalTerms.IndexOf("c:杯"))]);
    }

    [Fact]
    public void Vectorize_GivesAnEmptyVector_ForPunctuationOnly()
    {
        Assert.Empty(_vectorizer.Vectorize("?!- ,").Indices);
    }
}
