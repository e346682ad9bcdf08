using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Text;

/// <summary>
/// The merchant-written side of a product: title, optional description, price, merchant, and which traits the title
/// names (the others are hidden: only the image shows them).
/// </summary>
public sealed record ProductListing
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    public required double Price { get; init; }

    public required string Currency { get; init; }

    public required string Merchant { get; init; }

    /// <summary>The traits whose words appear in <see cref="Title"/>.</summary>
    public required IReadOnlySet<TraitKind> NamedTraits { get; init; }
}
