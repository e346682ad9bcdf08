using Grpc.Core;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.QdrantFake.State;

/// <summary>
/// How Qdrant 1.19 ranks: exact nearest neighbours (Cosine on normalised vectors; sparse by dot product over shared
/// indices, only points sharing one), and reciprocal-rank fusion as lib/segment/src/common/reciprocal_rank_fusion.rs
/// defines it: a point at 0-based position p of a prefetch with weight w adds 1 / ((p + 1) / w + k - 1), which is
/// 1 / (p + k) for w = 1; a weight of 0 (or less) adds 0 but still lists the point. Ties are ordered by point key
/// here (Qdrant leaves them in no defined order).
/// </summary>
public static class Ranking
{
    public const uint DefaultRrfK = 2;

    public static List<(StoredPoint Point, float Score)> Nearest(IEnumerable<StoredPoint> candidates, string vectorName, VectorInput input, CollectionConfigView config)
    {
        switch (input.VariantCase)
        {
            case VectorInput.VariantOneofCase.Dense:
                int? size = config.DenseSize(vectorName);
                if (size is null)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Not existing vector name error: {vectorName}"));
                }

                float[] query = input.Dense.Data.ToArray();
                if (query.Length != size)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Vector dimension error: expected dim: {size}, got {query.Length}"));
                }

                float[] unit = Normalize(query);
                return Order(candidates
                    .Where(point => point.Dense.ContainsKey(vectorName))
                    .Select(point => (point, Dot(unit, point.Dense[vectorName]))));
            case VectorInput.VariantOneofCase.Sparse:
                if (!config.HasSparse(vectorName))
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Not existing vector name error: {vectorName}"));
                }

                var terms = input.Sparse.Indices.Zip(input.Sparse.Values).ToDictionary(pair => pair.First, pair => pair.Second);
                return Order(candidates
                    .Where(point => point.Sparse.TryGetValue(vectorName, out var stored) && stored.Indices.Any(terms.ContainsKey))
                    .Select(point =>
                    {
                        (uint[] indices, float[] values) = point.Sparse[vectorName];
                        float sum = 0;
                        for (int i = 0; i < indices.Length; i++)
                        {
                            sum += terms.TryGetValue(indices[i], out float weight) ? weight * values[i] : 0;
                        }

                        return (point, sum);
                    }));
            default:
                throw new RpcException(new Status(StatusCode.Unimplemented, $"the fake Qdrant does not search by {input.VariantCase}"));
        }
    }

    /// <summary>Reciprocal-rank fusion of ranked lists, with Qdrant's k and weights.</summary>
    public static List<(StoredPoint Point, float Score)> Rrf(IReadOnlyList<List<(StoredPoint Point, float Score)>> lists, uint k, IReadOnlyList<float>? weights)
    {
        if (weights is not null && weights.Count != 0 && weights.Count != lists.Count)
        {
            throw new RpcException(new Status(
                StatusCode.InvalidArgument,
                $"Wrong input: Number of weights in RRF should match number of pre-fetches: got {weights.Count}, expected {lists.Count}"));
        }

        var scores = new Dictionary<string, (StoredPoint Point, float Score)>(StringComparer.Ordinal);
        for (int list = 0; list < lists.Count; list++)
        {
            float weight = weights is { Count: > 0 } ? weights[list] : 1f;
            for (int position = 0; position < lists[list].Count; position++)
            {
                StoredPoint point = lists[list][position].Point;
                float add = weight <= 0 ? 0f : 1f / (((position + 1) / weight) + k - 1);
                scores[point.Key] = scores.TryGetValue(point.Key, out var seen) ? (point, seen.Score + add) : (point, add);
            }
        }

        return Order(scores.Values);
    }

    private static List<(StoredPoint Point, float Score)> Order(IEnumerable<(StoredPoint Point, float Score)> hits) =>
        hits.OrderByDescending(hit => hit.Score).ThenBy(hit => hit.Point.Key, StringComparer.Ordinal).ToList();

    public static float[] Normalize(float[] vector)
    {
        double norm = Math.Sqrt(vector.Sum(value => (double)value * value));
        return norm == 0 ? vector.ToArray() : vector.Select(value => (float)(value / norm)).ToArray();
    }

    private static float Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }

        return (float)sum;
    }
}
