using M6Search.Encoder.Tokenization;

namespace M6Search.Encoder.Tests.Tokenization;

public sealed class ProductTokenizerTests
{
    private readonly ProductTokenizer _tokenizer = new(new TokenizerOptions());

    // Expected ids computed by an independent Python implementation of docs/tokenizer.md; they must never change,
    // or every trained model file silently breaks.
    [Theory]
    [InlineData("Bumpy coffee cup", new[] { 1, 2071, 25892, 18324, 21417, 31200, 23454, 20640, 20339, 25390, 26000, 1797, 2739, 3384, 5768, 28012, 13092, 10473 })]
    [InlineData("凹凸的咖啡杯", new[] { 1, 10955, 26900, 17623, 15059, 16801, 21966, 17692, 26450, 10175, 26209, 7840 })]
    [InlineData("Café 500ml", new[] { 1, 4937, 20198, 19272, 19106, 2818, 29369, 669, 29747, 7507, 30017, 1921 })]
    public void Encode_GivesFixedIds_ForAFixedString(string text, int[] expected)
    {
        Assert.Equal(expected, _tokenizer.Encode(text));
    }

    [Theory]
    [InlineData("BUMPY Coffee-Cup!!")]
    [InlineData("  bumpy, coffee; cup. ")]
    [InlineData("ＢＵＭＰＹ　ｃｏｆｆｅｅ　ｃｕｐ")] // full-width letters and ideographic space
    [InlineData("\"Bumpy\" (coffee) [cup]")]
    public void Encode_IgnoresCaseWidthAndPunctuation(string variant)
    {
        Assert.Equal(_tokenizer.Encode("bumpy coffee cup"), _tokenizer.Encode(variant));
    }

    [Fact]
    public void Encode_TreatsFullWidthChinesePunctuationAsSeparators()
    {
        Assert.Equal(_tokenizer.Encode("咖啡杯 白色"), _tokenizer.Encode("咖啡杯，白色！"));
    }

    [Fact]
    public void Encode_SharesMostIdsBetweenATypoAndTheRightSpelling()
    {
        double typo = Jaccard(_tokenizer.Encode("bumpyy cofee cup"), _tokenizer.Encode("bumpy coffee cup"));
        double unrelated = Jaccard(_tokenizer.Encode("red silk dress"), _tokenizer.Encode("bumpy coffee cup"));

        Assert.True(typo > 0.5, $"typo overlap {typo:F2}");
        Assert.True(unrelated < 0.1, $"unrelated overlap {unrelated:F2}");
    }

    [Fact]
    public void Encode_GivesChineseCharactersAndBigrams_SoAPartialQueryOverlapsTheTitle()
    {
        int[] title = _tokenizer.Encode("凹凸的咖啡杯");
        int[] query = _tokenizer.Encode("咖啡杯");

        Assert.Equal(1 + 3 + 2, query.Length); // CLS, three characters, two bigrams
        Assert.Empty(query.Except(title));
    }

    [Fact]
    public void Encode_StripsLatinAccents_ButKeepsKanaVoicing()
    {
        Assert.Equal(_tokenizer.Encode("cafe creme"), _tokenizer.Encode("Café Crème"));
        Assert.NotEqual(_tokenizer.Encode("か"), _tokenizer.Encode("が"));
    }

    [Fact]
    public void Encode_KeepsWholeWordsFirst_WhenTruncating()
    {
        var tokenizer = new ProductTokenizer(new TokenizerOptions { MaxTokens = 4 });
        int[] full = _tokenizer.Encode("red blue green");

        int[] truncated = tokenizer.Encode("red blue green");

        Assert.Equal(4, truncated.Length);
        Assert.Equal(full[..4], truncated); // CLS + the three word ids; the n-grams are what is cut
        Assert.Equal(tokenizer.BucketOf("w:green"), truncated[3]);
    }

    [Fact]
    public void Encode_GivesJustCls_ForEmptyOrPunctuationOnlyText()
    {
        Assert.Equal(new[] { SpecialTokens.Cls }, _tokenizer.Encode(""));
        Assert.Equal(new[] { SpecialTokens.Cls }, _tokenizer.Encode(" ,.!? "));
    }

    [Fact]
    public void Encode_NeverProducesReservedIds_AndStaysInTheVocabulary()
    {
        var tokenizer = new ProductTokenizer(new TokenizerOptions { VocabSize = 50, MaxTokens = 512 });

        int[] ids = tokenizer.Encode("Mixed 文本 with digits 12345 and ümlauts, ＦＵＬＬ width, 𠀀 extension-B, 한국어");

        Assert.Equal(SpecialTokens.Cls, ids[0]);
        Assert.All(ids[1..], id => Assert.InRange(id, SpecialTokens.ReservedCount, 49));
    }

    [Fact]
    public void EncodeBatch_PadsToTheLongestRow_AndMasksThePadding()
    {
        TokenBatch batch = _tokenizer.EncodeBatch(["cup", "bumpy coffee cup"]);

        int shortLength = _tokenizer.Encode("cup").Length;
        Assert.Equal(2, batch.Rows);
        Assert.Equal(_tokenizer.Encode("bumpy coffee cup").Length, batch.Length);
        Assert.Equal(shortLength, batch.Mask.Take(batch.Length).Count(m => m));
        Assert.All(batch.Ids.Skip(shortLength).Take(batch.Length - shortLength), id => Assert.Equal(SpecialTokens.Pad, id));
        Assert.All(batch.Mask.Skip(batch.Length), Assert.True);
    }

    [Fact]
    public void Options_RejectAnUnknownScheme_NamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new ProductTokenizer(new TokenizerOptions { Scheme = "bpe-v9" }));
        Assert.Contains("bpe-v9", error.Message, StringComparison.Ordinal);
    }

    private static double Jaccard(int[] a, int[] b)
    {
        var left = a.Skip(1).ToHashSet();
        var right = b.Skip(1).ToHashSet();
        return left.Intersect(right).Count() / (double)left.Union(right).Count();
    }
}
