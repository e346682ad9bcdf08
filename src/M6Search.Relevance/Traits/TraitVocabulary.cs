using M6Search.Catalog.Traits;
using M6Search.Evaluation.Metrics;

namespace M6Search.Relevance.Traits;

/// <summary>
/// The visual traits the dashboard probes and recognises in queries: a catalog's trait vocabulary
/// (<see cref="TraitVocabularyFile"/>, <c>traits.json</c>), not any generator's code.
/// </summary>
public sealed class TraitVocabulary
{
    public TraitVocabulary(IEnumerable<VisualTrait> traits)
    {
        ArgumentNullException.ThrowIfNull(traits);
        All = traits.ToList();
    }

    /// <summary>A vocabulary without traits: nothing is probed or recognised.</summary>
    public static TraitVocabulary Empty { get; } = new([]);

    /// <summary>Every trait, in the file's order.</summary>
    public IReadOnlyList<VisualTrait> All { get; }

    /// <summary>Reads a <c>traits.json</c> file.</summary>
    /// <exception cref="InvalidDataException">The file is not a trait vocabulary.</exception>
    public static TraitVocabulary Read(string path) => new(TraitVocabularyFile.Read(path).Select(VisualTrait.From));

    /// <summary>
    /// The traits a text names (any word of either language, matched as in <see cref="HiddenTraits.TitleNamesAnyTrait"/>):
    /// what a logged shopper query asks for, so its hidden-trait products can be found without labels.
    /// </summary>
    public IReadOnlyList<VisualTrait> NamedIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return All.Where(trait => HiddenTraits.TitleNamesAnyTrait(text, trait.AllWords)).ToList();
    }

    /// <summary>Every word of every trait a text names: a logged query's trait words.</summary>
    public IReadOnlyList<string> WordsNamedIn(string text) => NamedIn(text).SelectMany(t => t.AllWords).ToList();

    /// <summary>True when the title names the trait in either language.</summary>
    public static bool TitleNames(string title, VisualTrait trait)
    {
        ArgumentNullException.ThrowIfNull(trait);
        return HiddenTraits.TitleNamesAnyTrait(title, trait.AllWords);
    }
}
