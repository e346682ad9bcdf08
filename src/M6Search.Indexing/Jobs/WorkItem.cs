using M6Search.Catalog.Products;
using M6Search.Stores.Abstractions;

namespace M6Search.Indexing.Jobs;

/// <summary>One product on its way through the pipeline.</summary>
internal sealed class WorkItem
{
    public required int Line { get; init; }

    public required Product Product { get; init; }

    /// <summary>The content hash to store (<see cref="Hashing.ContentHasher"/>).</summary>
    public string ContentHash { get; set; } = string.Empty;

    /// <summary>Decoded image, 3 x size x size; null when the product has no image (or vectors are reused).</summary>
    public float[]? Pixels { get; set; }

    /// <summary>The stored point whose vectors are still right (only the payload changed); null when encoding.</summary>
    public ProductPoint? Reused { get; set; }
}
