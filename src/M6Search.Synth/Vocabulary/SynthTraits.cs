using M6Search.Catalog.Traits;
using M6Search.Synth.Generation;

namespace M6Search.Synth.Vocabulary;

/// <summary>
/// The synthetic catalog's trait vocabulary as catalog data: every colour, texture and material with its words, kind =
/// the product attribute that holds it. Written as <c>traits.json</c> beside every generated catalog, so that the
/// merchant dashboard reads the traits from the catalog, not from the generator's code.
/// </summary>
public static class SynthTraits
{
    /// <summary>Every colour, texture and material, in vocabulary order.</summary>
    public static IReadOnlyList<CatalogTrait> All { get; } =
    [
        .. SynthVocabulary.Colors.Select(c => Trait(TraitKind.Color, c.Key, c.Words)),
        .. SynthVocabulary.Textures.Select(t => Trait(TraitKind.Texture, t.Key, t.Words)),
        .. SynthVocabulary.Materials.Select(m => Trait(TraitKind.Material, m.Key, m.Words)),
    ];

    /// <summary>Writes <see cref="All"/> to <c>traits.json</c> in <paramref name="folder"/>.</summary>
    public static Task WriteAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return TraitVocabularyFile.WriteAsync(Path.Combine(folder, SynthFiles.Traits), All, cancellationToken);
    }

    private static CatalogTrait Trait(TraitKind kind, string key, BilingualWords words) =>
        new(AttributeKeys.For(kind), key, words.En, words.Zh);
}
