using M6Search.Catalog.Traits;

namespace M6Search.Relevance.Traits;

/// <summary>
/// A trait a photo can show and a title can name, from the catalog's trait vocabulary (<see cref="TraitVocabularyFile"/>),
/// with every word for it in English and Chinese.
/// </summary>
public sealed record VisualTrait
{
    /// <summary>The kind, which is also the product attribute that holds the trait ("color", "texture", "material").</summary>
    public required string Kind { get; init; }

    /// <summary>The attribute value ("bumpy", "red", "ceramic").</summary>
    public required string Key { get; init; }

    /// <summary>English words, the canonical one first.</summary>
    public IReadOnlyList<string> En { get; init; } = [];

    /// <summary>Chinese words, the canonical one first.</summary>
    public IReadOnlyList<string> Zh { get; init; } = [];

    /// <summary>The canonical English word ("polka dot"), what a title suggestion proposes; the Chinese one when there is none.</summary>
    public string English => En.Count > 0 ? En[0] : Zh[0];

    /// <summary>The canonical Chinese word ("波点"); the English one when there is none.</summary>
    public string Chinese => Zh.Count > 0 ? Zh[0] : En[0];

    /// <summary>Every word of both languages.</summary>
    public IEnumerable<string> AllWords => En.Concat(Zh);

    /// <summary>The trait as the catalog declares it.</summary>
    public static VisualTrait From(CatalogTrait trait)
    {
        ArgumentNullException.ThrowIfNull(trait);
        return new VisualTrait { Kind = trait.Kind, Key = trait.Key, En = trait.En, Zh = trait.Zh };
    }
}
