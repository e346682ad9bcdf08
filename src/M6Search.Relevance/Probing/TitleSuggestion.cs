using M6Search.Relevance.Traits;

namespace M6Search.Relevance.Probing;

/// <summary>
/// A trait the photo seems to show that the title does not name: the best-scoring trait of its kind, with its score,
/// its lead over the kind's runner-up, and what the catalog's attributes say when it has them (so a reader can see
/// when the model is wrong).
/// </summary>
public sealed record TitleSuggestion
{
    public required VisualTrait Trait { get; init; }

    /// <summary>Cosine similarity of the photo and the trait's words.</summary>
    public required double Score { get; init; }

    /// <summary>Score minus the runner-up of the same kind: near 0 means the model cannot tell them apart.</summary>
    public required double Margin { get; init; }

    /// <summary>The trait key of this kind in the product's attributes, or null when the catalog does not say.</summary>
    public string? CatalogKey { get; init; }

    /// <summary>The trait's kind ("color", "texture", "material").</summary>
    public string Kind => Trait.Kind;

    /// <summary>True or false when the catalog's attributes say which trait is right; null when they do not.</summary>
    public bool? AgreesWithCatalog => CatalogKey is null ? null : string.Equals(CatalogKey, Trait.Key, StringComparison.Ordinal);
}
