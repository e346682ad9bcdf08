using M6Search.Catalog.Products;

namespace M6Search.Stores.Abstractions;

/// <summary>One stored product: its vectors and, as payload, the product itself plus the content hash of what was embedded.</summary>
public sealed record ProductPoint
{
    public required Product Product { get; init; }

    /// <summary>Dense vectors by name (see <see cref="CollectionSchema"/>); may be empty when read without vectors.</summary>
    public IReadOnlyDictionary<string, float[]> Vectors { get; init; } = new Dictionary<string, float[]>();

    /// <summary>The sparse lexical vector, or null.</summary>
    public SparseVector? Lexical { get; init; }

    /// <summary>Hash of (title, image bytes, model version); lets a re-run skip unchanged products.</summary>
    public string? ContentHash { get; init; }
}
