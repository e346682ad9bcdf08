using M6Search.Relevance.Traits;

namespace M6Search.Relevance.Tests.Traits;

public sealed class TraitVocabularyTests
{
    [Theory]
    [InlineData("bumpy coffee cup", "bumpy")]
    [InlineData("凹凸的咖啡杯", "bumpy")]
    [InlineData("Dimpled mug", "bumpy")]
    public void NamedIn_FindsTheTraitInEitherLanguage(string query, string expectedKey)
    {
        Assert.Contains(TraitVocabulary.NamedIn(query), t => t.Key == expectedKey);
    }

    [Fact]
    public void NamedIn_FindsNothing_WhenTheQueryNamesNoTrait()
    {
        Assert.Empty(TraitVocabulary.NamedIn("coffee cup"));
    }

    [Fact]
    public void All_HoldsEveryColourTextureAndMaterial()
    {
        Assert.Equal(
            M6Search.Synth.Vocabulary.SynthVocabulary.Colors.Count + M6Search.Synth.Vocabulary.SynthVocabulary.Textures.Count + M6Search.Synth.Vocabulary.SynthVocabulary.Materials.Count,
            TraitVocabulary.All.Count);
    }
}
