using M6Search.Synth.Vocabulary;

namespace M6Search.Relevance.Traits;

/// <summary>
/// A trait a photo can show and a title can name: a colour, texture or material of the synthetic vocabulary, with
/// every word for it in English and Chinese.
/// </summary>
public sealed record VisualTrait
{
    public required TraitKind Kind { get; init; }

    /// <summary>The vocabulary key ("bumpy", "red", "ceramic").</summary>
    public required string Key { get; init; }

    /// <summary>All words for the trait, English then Chinese; the first of each language is the canonical one.</summary>
    public required BilingualWords Words { get; init; }

    /// <summary>The canonical English word ("polka dot"), what a title suggestion proposes.</summary>
    public string English => Words.Canonical(Languages.English);

    /// <summary>The canonical Chinese word ("波点").</summary>
    public string Chinese => Words.Canonical(Languages.Chinese);

    /// <summary>Every word of both languages.</summary>
    public IEnumerable<string> AllWords => Words.En.Concat(Words.Zh);
}
