using M6Search.Evaluation.Metrics;
using M6Search.Synth.Vocabulary;

namespace M6Search.Relevance.Traits;

/// <summary>
/// The visual traits the dashboard probes and recognises in queries: the synthetic catalog's colours, textures and
/// materials (<see cref="SynthVocabulary"/>).
/// </summary>
public static class TraitVocabulary
{
    /// <summary>Every colour, texture and material, in vocabulary order.</summary>
    public static IReadOnlyList<VisualTrait> All { get; } =
    [
        .. SynthVocabulary.Colors.Select(c => new VisualTrait { Kind = TraitKind.Color, Key = c.Key, Words = c.Words }),
        .. SynthVocabulary.Textures.Select(t => new VisualTrait { Kind = TraitKind.Texture, Key = t.Key, Words = t.Words }),
        .. SynthVocabulary.Materials.Select(m => new VisualTrait { Kind = TraitKind.Material, Key = m.Key, Words = m.Words }),
    ];

    /// <summary>
    /// The traits a text names (any word of either language, matched as in <see cref="HiddenTraits.TitleNamesAnyTrait"/>):
    /// what a logged shopper query asks for, so its hidden-trait products can be found without labels.
    /// </summary>
    public static IReadOnlyList<VisualTrait> NamedIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return All.Where(trait => HiddenTraits.TitleNamesAnyTrait(text, trait.AllWords)).ToList();
    }

    /// <summary>True when the title names the trait in either language.</summary>
    public static bool TitleNames(string title, VisualTrait trait)
    {
        ArgumentNullException.ThrowIfNull(trait);
        return HiddenTraits.TitleNamesAnyTrait(title, trait.AllWords);
    }
}
