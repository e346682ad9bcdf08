using M6Search.Stores.Abstractions;

namespace M6Search.Stores.Embedded.Validation;

/// <summary>
/// Checks of the vectors and paging a caller hands the embedded store; each failure is a
/// <see cref="StoreRequestException"/> saying what was wrong and where.
/// </summary>
internal static class InputChecks
{
    /// <summary>Checks a dense vector (present, the collection's dimension, finite) and returns it scaled to unit length.</summary>
    public static float[] UnitVector(float[]? vector, int dimension, string what)
    {
        if (vector is null)
        {
            throw new StoreRequestException($"{what} is null.");
        }

        if (vector.Length != dimension)
        {
            throw new StoreRequestException($"{what} has {vector.Length} dimensions; the collection expects {dimension}.");
        }

        double sumOfSquares = 0;
        for (int i = 0; i < vector.Length; i++)
        {
            if (!float.IsFinite(vector[i]))
            {
                throw new StoreRequestException($"{what} has a non-finite value at index {i}.");
            }

            sumOfSquares += (double)vector[i] * vector[i];
        }

        var unit = new float[dimension];
        if (sumOfSquares > 0)
        {
            float inverse = (float)(1 / Math.Sqrt(sumOfSquares));
            for (int i = 0; i < dimension; i++)
            {
                unit[i] = vector[i] * inverse;
            }
        }

        return unit;
    }

    public static float[] UnitQuery(float[]? vector, int dimension, string name) => UnitVector(vector, dimension, $"query vector '{name}'");

    /// <summary>Checks a sparse vector: indices and values of equal length, indices strictly increasing, values finite.</summary>
    public static void CheckSparse(SparseVector vector, string what)
    {
        if (vector.Indices is null || vector.Values is null)
        {
            throw new StoreRequestException($"{what} has null indices or values.");
        }

        if (vector.Indices.Length != vector.Values.Length)
        {
            throw new StoreRequestException($"{what} has {vector.Indices.Length} indices but {vector.Values.Length} values.");
        }

        for (int i = 0; i < vector.Indices.Length; i++)
        {
            if (i > 0 && vector.Indices[i] <= vector.Indices[i - 1])
            {
                throw new StoreRequestException($"{what} has indices that are not strictly increasing at position {i}.");
            }

            if (!float.IsFinite(vector.Values[i]))
            {
                throw new StoreRequestException($"{what} has a non-finite value at position {i}.");
            }
        }
    }

    public static void CheckPage(int limit, int offset)
    {
        if (limit < 1)
        {
            throw new StoreRequestException($"limit must be at least 1, not {limit}.");
        }

        if (offset < 0)
        {
            throw new StoreRequestException($"offset must not be negative, not {offset}.");
        }

        if ((long)limit + offset > int.MaxValue)
        {
            throw new StoreRequestException("limit + offset is too large.");
        }
    }

    /// <summary>The schema position of the dense vector <paramref name="name"/>, or an error naming the collection's vectors.</summary>
    public static int DenseIndexOf(CollectionState state, string? name)
    {
        int index = name is null ? -1 : state.Schema.IndexOf(name);
        if (index < 0)
        {
            throw new StoreRequestException($"vector '{name}' is not a dense vector of the collection ({state.Schema.Schema.Describe()}).");
        }

        return index;
    }
}
