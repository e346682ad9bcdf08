namespace M6Search.Stores.Abstractions;

/// <summary>A nearest-neighbour search over one named dense vector.</summary>
public sealed record VectorQuery
{
    /// <summary>Which dense vector to search ("image" or "text").</summary>
    public required string Using { get; init; }

    public required float[] Vector { get; init; }

    public int Limit { get; init; } = 10;

    public int Offset { get; init; }

    public ProductFilter? Filter { get; init; }

    /// <summary>Hits scoring below this cosine similarity are left out.</summary>
    public float? ScoreThreshold { get; init; }

    public bool WithVectors { get; init; }
}
