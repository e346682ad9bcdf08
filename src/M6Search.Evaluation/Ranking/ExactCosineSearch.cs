using System.Numerics.Tensors;

namespace M6Search.Evaluation.Ranking;

/// <summary>
/// Exact (brute-force) nearest neighbours by cosine similarity. The vectors are L2-normalised, so the similarity is
/// the dot product; every vector is scored, so the results are the true top k, the reference an approximate index is
/// measured against.
/// </summary>
public sealed class ExactCosineSearch
{
    private readonly float[] _matrix;
    private readonly int[] _rowOwners;

    /// <param name="vectors">One entry per item; null entries (items without a vector) are never returned.</param>
    /// <exception cref="ArgumentException">The vectors do not all have the same length.</exception>
    public ExactCosineSearch(IReadOnlyList<float[]?> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var owners = new List<int>(vectors.Count);
        for (int i = 0; i < vectors.Count; i++)
        {
            if (vectors[i] is not null)
            {
                owners.Add(i);
            }
        }

        Dimension = owners.Count == 0 ? 0 : vectors[owners[0]]!.Length;
        _rowOwners = owners.ToArray();
        _matrix = new float[_rowOwners.Length * Dimension];
        for (int row = 0; row < _rowOwners.Length; row++)
        {
            float[] vector = vectors[_rowOwners[row]]!;
            if (vector.Length != Dimension)
            {
                throw new ArgumentException(
                    $"Vector {_rowOwners[row]} has {vector.Length} values; the others have {Dimension}.", nameof(vectors));
            }

            vector.CopyTo(_matrix, row * Dimension);
        }
    }

    /// <summary>Length of every vector (0 when there are none).</summary>
    public int Dimension { get; }

    /// <summary>How many items have a vector.</summary>
    public int Count => _rowOwners.Length;

    /// <summary>
    /// The <paramref name="k"/> items most similar to <paramref name="query"/>, best first; equal scores keep the lower
    /// item index first, so results are deterministic.
    /// </summary>
    /// <exception cref="ArgumentException">The query has the wrong length.</exception>
    public IReadOnlyList<ScoredIndex> Search(ReadOnlySpan<float> query, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 0);
        if (Count == 0 || k == 0)
        {
            return [];
        }

        if (query.Length != Dimension)
        {
            throw new ArgumentException($"The query has {query.Length} values; the vectors have {Dimension}.", nameof(query));
        }

        // A min-heap of the best k so far: its root is the worst kept hit, the one a better hit replaces.
        var heap = new PriorityQueue<ScoredIndex, ScoredIndex>(k + 1, WorstFirst.Instance);
        ReadOnlySpan<float> matrix = _matrix;
        for (int row = 0; row < _rowOwners.Length; row++)
        {
            var hit = new ScoredIndex(_rowOwners[row], TensorPrimitives.Dot(matrix.Slice(row * Dimension, Dimension), query));
            if (heap.Count < k)
            {
                heap.Enqueue(hit, hit);
            }
            else if (WorstFirst.Instance.Compare(hit, heap.Peek()) > 0)
            {
                heap.DequeueEnqueue(hit, hit);
            }
        }

        var result = new ScoredIndex[heap.Count];
        for (int i = result.Length - 1; i >= 0; i--)
        {
            result[i] = heap.Dequeue();
        }

        return result;
    }

    /// <summary>Orders hits from worst to best: lower score first, and at equal score the higher index first.</summary>
    private sealed class WorstFirst : IComparer<ScoredIndex>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(ScoredIndex x, ScoredIndex y)
        {
            int byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Index.CompareTo(x.Index);
        }
    }
}
