namespace M6Search.Stores.Abstractions;

/// <summary>
/// Several searches (dense by name, and optionally the sparse lexical vector) each taking <see cref="PrefetchLimit"/>
/// candidates (all under <see cref="Filter"/>), fused by reciprocal-rank fusion exactly as Qdrant 1.19 defines its
/// "rrf" fusion: score = sum over searches of 1 / (k + position), position starting at 0 for the best hit of each
/// search, k = <see cref="RrfK"/> (Qdrant's default 2). A point missing from a search adds nothing for it. A single
/// search is fused too, so the scores are always fused scores, never cosine or dot-product values.
/// </summary>
public sealed record HybridQuery
{
    /// <summary>Qdrant 1.19's default k for "rrf" fusion (its <c>DEFAULT_RRF_K</c>).</summary>
    public const int DefaultRrfK = 2;

    /// <summary>Dense searches: vector name to query vector.</summary>
    public IReadOnlyDictionary<string, float[]> Dense { get; init; } = new Dictionary<string, float[]>();

    /// <summary>The sparse lexical search; only points sharing at least one term with it are candidates.</summary>
    public SparseVector? Lexical { get; init; }

    public int PrefetchLimit { get; init; } = 100;

    public int Limit { get; init; } = 10;

    public int Offset { get; init; }

    public ProductFilter? Filter { get; init; }

    public bool WithVectors { get; init; }

    /// <summary>The k of reciprocal-rank fusion (at least 1); Qdrant's REST form is <c>{"rrf": {"k": RrfK}}</c>.</summary>
    public int RrfK { get; init; } = DefaultRrfK;
}
