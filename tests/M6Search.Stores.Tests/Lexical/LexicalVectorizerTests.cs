using M6Search.Stores.Lexical;
using M6Search.Stores.Abstractions;

namespace M6Search.Stores.Tests.Lexical;

public sealed class LexicalVectorizerTests
{
    private readonly LexicalVectorizer _vectorizer = LexicalVectorizer.Default;

    [Fact]
    public void Terms_AreNormalisedWords_AndCjkCharactersWithTheirPairs()
    {
        Assert.Equal(["w:cafe", "w:mug", "c:凹", "c:凸", "b:凹凸", "w:x2"], _vectorizer.Terms("Café MUG, 凹凸 x2"));
    }

    [Fact]
    public void Document_SaturatesRepeatedTerms_AndSortsIndices()
    {
        SparseVector vector = _vectorizer.Document("cup cup cup mug");

        Assert.Equal(2, vector.Indices.Length);
        Assert.True(vector.Indices[0] < vector.Indices[1]);
        float cup = vector.Values[Array.IndexOf(vector.Indices, LexicalVectorizer.IndexOf("w:cup"))];
        float mug = vector.Values[Array.IndexOf(vector.Indices, LexicalVectorizer.IndexOf("w:mug"))];
        Assert.Equal(3 * 2.2f / 4.2f, cup, 5);
        Assert.Equal(1f, mug, 5);
    }

    [Fact]
    public void Query_MatchesTitlesSharingTerms_InEnglishAndChinese()
    {
        SparseVector title = _vectorizer.Document("凹凸陶瓷咖啡杯 bumpy ceramic cup");

        Assert.True(_vectorizer.Query("咖啡杯").Dot(title) > 0);
        Assert.True(_vectorizer.Query("BUMPY cups").Dot(title) > 0);
        Assert.Equal(0f, _vectorizer.Query("leather purse").Dot(title));
    }

    [Fact]
    public void IndexOf_IsFixed_AcrossReleases()
    {
        // FNV-1a 64 of "w:cup" folded to 32 bits; changing it would silently break every stored lexical vector.
        ulong hash = M6Search.Catalog.Text.Fnv1aHash.Hash("w:cup");

        Assert.Equal((uint)(hash ^ (hash >> 32)), LexicalVectorizer.IndexOf("w:cup"));
        Assert.NotEqual(LexicalVectorizer.IndexOf("w:cup"), LexicalVectorizer.IndexOf("w:mug"));
    }

    [Fact]
    public void Document_IsEmpty_ForTextWithoutTerms()
    {
        Assert.Empty(_vectorizer.Document("!!! --- ???").Indices);
    }
}
