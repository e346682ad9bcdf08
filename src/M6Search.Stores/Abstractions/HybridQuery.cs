namespace M6Search.Stores.Abstractions;

/// <summary>
/// Several searches (dense by name, and optionally the sparse lexical vector) each taking <see cref="PrefetchLimit"/>
/// candidates, fused by reciprocal-rank fusion: score = sum over searches of 1 / (k + rank), rank starting at 1, as
/// Qdrant 1.19 defines it (see the store implementations for the exact k).
/// </summary>
public sealed record HybridQuery
{
    /// <summary>Dense searches: vector name to query vector.</summary>
    public IReadOnlyDictionary<string, float[]> Dense { get; init; } = new Dictionary<string, float[]>();

    public SparseVector? Lexical { get; init; }

    public int PrefetchLimit { get; init; } = 100;

    public int Limit { get; init; } = 10;

    public int Offset { get; init; }

    public ProductFilter? Filter { get; init; }

    public bool WithVectors { get; init; }
}
