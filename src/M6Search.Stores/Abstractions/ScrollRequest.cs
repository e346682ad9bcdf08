namespace M6Search.Stores.Abstractions;

/// <summary>A page request for <see cref="IProductVectorStore.ScrollAsync"/>.</summary>
public sealed record ScrollRequest
{
    public ProductFilter? Filter { get; init; }

    public int Limit { get; init; } = 100;

    /// <summary>The cursor returned by the previous page; null for the first page.</summary>
    public string? Offset { get; init; }

    public bool WithVectors { get; init; }
}
