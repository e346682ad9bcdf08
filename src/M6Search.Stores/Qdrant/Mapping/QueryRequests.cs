using M6Search.Stores.Abstractions;
using Qdrant.Client.Grpc;
using SparseVector = M6Search.Stores.Abstractions.SparseVector;

namespace M6Search.Stores.Qdrant.Mapping;

/// <summary>
/// The Query API requests of the two searches. A hybrid query is one prefetch per search, in the query's
/// <see cref="HybridQuery.FusionOrder"/> (dense vectors by name in ordinal order, then the lexical vector), each taking
/// <see cref="HybridQuery.PrefetchLimit"/> candidates under the filter, fused by Qdrant's own parameterised
/// reciprocal-rank fusion <c>Rrf { k, weights }</c> with the query's k and, when it has any, one weight per prefetch:
/// the fusion <see cref="Fusion.ReciprocalRankFusion"/> computes in the embedded store, summed in the same order.
/// </summary>
internal static class QueryRequests
{
    public static Query Nearest(float[] vector) => new() { Nearest = new VectorInput { Dense = VectorMapper.Dense(vector) } };

    public static Query Nearest(SparseVector vector) => new() { Nearest = new VectorInput { Sparse = VectorMapper.Sparse(vector) } };

    /// <summary>
    /// The prefetches of a hybrid query and their fusion; no prefetch when no search can find anything (only an empty
    /// lexical vector). An empty lexical vector finds nothing, so it gets no prefetch and no weight.
    /// </summary>
    public static (List<PrefetchQuery> Prefetch, Query Fusion) Hybrid(HybridQuery query, Filter? filter, string operation, string collection)
    {
        foreach (string name in query.Dense.Keys)
        {
            if (string.IsNullOrEmpty(name) || name == CollectionSchema.LexicalVector)
            {
                throw new ArgumentException($"'{name}' is not a dense vector name.", nameof(query));
            }
        }

        string? problem = query.FusionProblem();
        if (problem is not null)
        {
            throw new VectorStoreException(operation, collection, problem);
        }

        var prefetch = new List<PrefetchQuery>();
        var rrf = new Rrf { K = (uint)query.RrfK };
        foreach (string name in query.FusionOrder())
        {
            if (name == CollectionSchema.LexicalVector)
            {
                SparseVector lexical = query.Lexical!;
                VectorMapper.CheckSparse(lexical, "the lexical query vector", operation, collection);
                if (lexical.Indices.Length == 0)
                {
                    continue;
                }

                prefetch.Add(Prefetch(Nearest(lexical), name, filter, query.PrefetchLimit));
            }
            else
            {
                float[] vector = query.Dense[name];
                VectorMapper.CheckDense(vector, $"the query vector for '{name}'", operation, collection);
                prefetch.Add(Prefetch(Nearest(vector), name, filter, query.PrefetchLimit));
            }

            if (query.Weights is not null)
            {
                rrf.Weights.Add(query.WeightOf(name));
            }
        }

        return (prefetch, new Query { Rrf = rrf });
    }

    private static PrefetchQuery Prefetch(Query nearest, string vectorName, Filter? filter, int limit)
    {
        var prefetch = new PrefetchQuery { Query = nearest, Using = vectorName, Limit = (ulong)limit };
        if (filter is not null)
        {
            prefetch.Filter = filter;
        }

        return prefetch;
    }
}
