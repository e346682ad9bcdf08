using M6Search.Stores.Fusion;

namespace M6Search.Stores.Abstractions;

/// <summary>
/// Several searches (dense by name, and optionally the sparse lexical vector) each taking <see cref="PrefetchLimit"/>
/// candidates (all under <see cref="Filter"/>), fused by <see cref="ReciprocalRankFusion"/>, which is Qdrant 1.19's
/// <c>rrf</c> fusion: a hit at 0-based position p of a search of weight w adds <c>1 / ((p + 1) / w + k - 1)</c>, with
/// k = <see cref="RrfK"/> (Qdrant's default 2) and w from <see cref="Weights"/> (1 by default). A point missing from a
/// search adds nothing for it. A single search is fused too, so the scores are always fused scores, never cosine or
/// dot-product values. Every store fuses the searches in <see cref="FusionOrder"/>.
/// </summary>
public sealed record HybridQuery
{
    /// <summary>Qdrant 1.19's default k for <c>rrf</c> fusion (its <c>DEFAULT_RRF_K</c>).</summary>
    public const int DefaultRrfK = ReciprocalRankFusion.DefaultK;

    /// <summary>Dense searches: vector name to query vector.</summary>
    public IReadOnlyDictionary<string, float[]> Dense { get; init; } = new Dictionary<string, float[]>();

    /// <summary>The sparse lexical search; only points sharing at least one term with it are candidates.</summary>
    public SparseVector? Lexical { get; init; }

    public int PrefetchLimit { get; init; } = 100;

    public int Limit { get; init; } = 10;

    public int Offset { get; init; }

    public ProductFilter? Filter { get; init; }

    public bool WithVectors { get; init; }

    /// <summary>The k of reciprocal-rank fusion (at least 1); Qdrant's form is <c>Rrf { k }</c>.</summary>
    public int RrfK { get; init; } = DefaultRrfK;

    /// <summary>
    /// Optional weight per search, keyed by vector name (<see cref="CollectionSchema.ImageVector"/>,
    /// <see cref="CollectionSchema.TextVector"/>, <see cref="CollectionSchema.LexicalVector"/>); a search not named
    /// weighs 1. Each weight is a finite number of 0 or more; a search of weight 0 adds nothing to the scores (its hits
    /// are still candidates). Null: every search weighs 1. Qdrant's form is <c>Rrf { weights }</c>, one per prefetch
    /// in <see cref="FusionOrder"/>.
    /// </summary>
    public IReadOnlyDictionary<string, float>? Weights { get; init; }

    /// <summary>
    /// The searches in the order every store fuses them (the order matters to the last bit of a float sum): the dense
    /// vector names in ordinal order, then <see cref="CollectionSchema.LexicalVector"/> when <see cref="Lexical"/> is set.
    /// </summary>
    public IReadOnlyList<string> FusionOrder()
    {
        var order = Dense.Keys.Order(StringComparer.Ordinal).ToList();
        if (Lexical is not null)
        {
            order.Add(CollectionSchema.LexicalVector);
        }

        return order;
    }

    /// <summary>The weight of one search (1 when <see cref="Weights"/> does not name it).</summary>
    public float WeightOf(string search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return Weights is not null && Weights.TryGetValue(search, out float weight) ? weight : 1f;
    }

    /// <summary>
    /// The first problem with the fusion settings, or null: k below 1, a weight that is negative, NaN or infinite, or
    /// a weight for a search the query does not make. Stores report it in their own exception.
    /// </summary>
    public string? FusionProblem()
    {
        IReadOnlyList<string> order = FusionOrder();
        if (Weights is not null)
        {
            foreach (string name in Weights.Keys)
            {
                if (!order.Contains(name, StringComparer.Ordinal))
                {
                    return $"a fusion weight is given for '{name}', which the query does not search (it searches {string.Join(", ", order)}).";
                }
            }
        }

        return ReciprocalRankFusion.CheckFusion(RrfK, Weights is null ? null : order.Select(WeightOf).ToArray(), order.Count);
    }
}
