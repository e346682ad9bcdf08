using M6Search.Relevance.Traits;

namespace M6Search.Relevance.Tests.Fakes;

/// <summary>A small trait vocabulary, as a catalog's traits.json would declare it.</summary>
internal static class TestTraits
{
    public static TraitVocabulary Vocabulary { get; } = new(
    [
        new VisualTrait { Kind = "texture", Key = "bumpy", En = ["bumpy", "dimpled"], Zh = ["凹凸", "颗粒纹"] },
        new VisualTrait { Kind = "texture", Key = "smooth", En = ["smooth", "glossy"], Zh = ["光面", "光滑"] },
        new VisualTrait { Kind = "color", Key = "red", En = ["red"], Zh = ["红色"] },
        new VisualTrait { Kind = "color", Key = "blue", En = ["blue"], Zh = ["蓝色"] },
    ]);

    public static ITraitVocabularySource Source { get; } = new FixedTraitVocabulary(Vocabulary);
}
