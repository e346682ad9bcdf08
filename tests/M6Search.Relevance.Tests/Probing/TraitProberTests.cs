using M6Search.Relevance.Probing;
using M6Search.Relevance.Tests.Fakes;
using M6Search.Relevance.Traits;

namespace M6Search.Relevance.Tests.Probing;

public sealed class TraitProberTests
{
    private static readonly TraitVocabulary Traits = TestTraits.Vocabulary;

    private readonly AxisEmbedder _embedder = new("bumpy", "凹凸", "smooth", "光面", "red", "红色", "blue", "蓝色");

    [Fact]
    public async Task Probe_SuggestsTheTraitThePhotoShows_WhenTheTitleOmitsIt()
    {
        var prober = new TraitProber(_embedder, Traits);

        TraitProbe probe = await prober.ProbeAsync(Products.Make("p1", "m01", "Ceramic Mug", texture: "bumpy"), Photo("bumpy", "凹凸"));

        TitleSuggestion suggestion = Assert.Single(probe.Suggestions, s => s.Kind == "texture");
        Assert.Equal("bumpy", suggestion.Trait.Key);
        Assert.True(suggestion.Margin > 0);
        Assert.True(suggestion.AgreesWithCatalog);
    }

    [Fact]
    public async Task Probe_SuggestsNothing_ForATraitTheTitleAlreadyNames()
    {
        var prober = new TraitProber(_embedder, Traits);

        TraitProbe probe = await prober.ProbeAsync(Products.Make("p1", "m01", "凹凸 Ceramic Mug"), Photo("bumpy", "凹凸"));

        Assert.DoesNotContain(probe.Suggestions, s => s.Kind == "texture");
        Assert.Equal("bumpy", probe.Scores["texture"][0].Trait.Key);
    }

    [Fact]
    public async Task Probe_ReportsDisagreement_WhenTheCatalogSaysOtherwise()
    {
        var prober = new TraitProber(_embedder, Traits);

        TraitProbe probe = await prober.ProbeAsync(Products.Make("p1", "m01", "Mug", texture: "smooth"), Photo("bumpy", "凹凸"));

        Assert.False(Assert.Single(probe.Suggestions, s => s.Kind == "texture").AgreesWithCatalog);
    }

    [Fact]
    public async Task Probe_EmbedsThePromptsOnce_ForManyProducts()
    {
        var prober = new TraitProber(_embedder, Traits);

        await prober.ProbeAsync(Products.Make("p1", "m01", "Mug"), Photo("red"));
        int afterFirst = _embedder.Calls;
        await prober.ProbeAsync(Products.Make("p2", "m01", "Mug"), Photo("blue"));

        Assert.Equal(afterFirst, _embedder.Calls);
    }

    [Fact]
    public async Task Probe_ReembedsThePrompts_WhenTheVocabularyChanges()
    {
        var source = new SwitchableVocabulary(Traits);
        var prober = new TraitProber(_embedder, source);

        await prober.ProbeAsync(Products.Make("p1", "m01", "Mug"), Photo("red"));
        source.Current = new TraitVocabulary(Traits.All.Where(t => t.Kind == "color"));
        TraitProbe probe = await prober.ProbeAsync(Products.Make("p1", "m01", "Mug"), Photo("red"));

        Assert.Equal(["color"], probe.Scores.Keys);
    }

    [Fact]
    public async Task Probe_SuggestsNothing_WithoutAVocabulary()
    {
        var prober = new TraitProber(_embedder, TraitVocabulary.Empty);

        TraitProbe probe = await prober.ProbeAsync(Products.Make("p1", "m01", "Mug"), Photo("red"));

        Assert.Empty(probe.Suggestions);
        Assert.Empty(probe.Scores);
    }

    [Fact]
    public async Task Probe_NamesTheProduct_WhenTheVectorLengthIsWrong()
    {
        var prober = new TraitProber(_embedder, Traits);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => prober.ProbeAsync(Products.Make("p9", "m01", "Mug"), new float[3]));

        Assert.Contains("p9", error.Message, StringComparison.Ordinal);
    }

    private float[] Photo(params string[] words)
    {
        var vector = new float[_embedder.Dimension];
        foreach (string word in words)
        {
            float[] axis = _embedder.Axis(word);
            for (int i = 0; i < vector.Length; i++)
            {
                vector[i] += axis[i];
            }
        }

        float norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    }

    private sealed class SwitchableVocabulary(TraitVocabulary vocabulary) : ITraitVocabularySource
    {
        public TraitVocabulary Current { get; set; } = vocabulary;
    }
}
