using M6Search.Stores.Abstractions;
using Qdrant.Client.Grpc;
using SparseVector = M6Search.Stores.Abstractions.SparseVector;

namespace M6Search.Stores.Qdrant.Mapping;

/// <summary>Named dense vectors and the sparse lexical vector, to Qdrant's named vectors and back.</summary>
internal static class VectorMapper
{
    /// <summary>The named vectors of a point; a vector that Qdrant would reject (empty, not finite, unsorted sparse) is reported with the product id.</summary>
    public static Vectors ToQdrant(ProductPoint point, string collection)
    {
        string productId = point.Product.Id;
        var named = new NamedVectors();
        foreach ((string name, float[] vector) in point.Vectors)
        {
            if (string.IsNullOrEmpty(name) || name == CollectionSchema.LexicalVector)
            {
                throw new VectorStoreException("Upsert", collection, $"product '{productId}' has a dense vector named '{name}', which is not a dense vector name.");
            }

            CheckDense(vector, $"product '{productId}', vector '{name}'", "Upsert", collection);
            named.Vectors[name] = new Vector { Dense = Dense(vector) };
        }

        if (point.Lexical is { } lexical)
        {
            CheckSparse(lexical, $"product '{productId}', vector '{CollectionSchema.LexicalVector}'", "Upsert", collection);
            named.Vectors[CollectionSchema.LexicalVector] = new Vector { Sparse = Sparse(lexical) };
        }

        return new Vectors { Vectors_ = named };
    }

    public static DenseVector Dense(float[] vector) => new() { Data = { vector } };

    public static global::Qdrant.Client.Grpc.SparseVector Sparse(SparseVector vector) => new() { Indices = { vector.Indices }, Values = { vector.Values } };

    public static void CheckDense(float[]? vector, string what, string operation, string collection)
    {
        if (vector is null || vector.Length == 0)
        {
            throw new VectorStoreException(operation, collection, $"{what} is empty.");
        }

        for (int i = 0; i < vector.Length; i++)
        {
            if (!float.IsFinite(vector[i]))
            {
                throw new VectorStoreException(operation, collection, $"{what} has a value that is not a finite number at position {i} ({vector[i]}).");
            }
        }
    }

    public static void CheckSparse(SparseVector vector, string what, string operation, string collection)
    {
        if (vector.Indices is null || vector.Values is null || vector.Indices.Length != vector.Values.Length)
        {
            throw new VectorStoreException(operation, collection, $"{what} has {vector.Indices?.Length ?? 0} indices but {vector.Values?.Length ?? 0} values.");
        }

        for (int i = 0; i < vector.Indices.Length; i++)
        {
            if (i > 0 && vector.Indices[i] <= vector.Indices[i - 1])
            {
                throw new VectorStoreException(operation, collection, $"{what} has indices that are not strictly increasing at position {i}.");
            }

            if (!float.IsFinite(vector.Values[i]))
            {
                throw new VectorStoreException(operation, collection, $"{what} has a value that is not a finite number at position {i}.");
            }
        }
    }

    /// <summary>The dense vectors and the lexical vector of a returned point (empty and null when it came without vectors).</summary>
    public static (IReadOnlyDictionary<string, float[]> Dense, SparseVector? Lexical) FromQdrant(VectorsOutput? vectors, string pointId, string operation, string collection)
    {
        var dense = new Dictionary<string, float[]>(StringComparer.Ordinal);
        SparseVector? lexical = null;
        if (vectors is null || vectors.VectorsOptionsCase == VectorsOutput.VectorsOptionsOneofCase.None)
        {
            return (dense, lexical);
        }

        if (vectors.VectorsOptionsCase != VectorsOutput.VectorsOptionsOneofCase.Vectors)
        {
            throw new VectorStoreException(operation, collection, $"point {pointId} has an unnamed vector; M6Search collections use named vectors.");
        }

        foreach ((string name, VectorOutput vector) in vectors.Vectors.Vectors)
        {
            switch (vector.VectorCase)
            {
                case VectorOutput.VectorOneofCase.Dense:
                    dense[name] = vector.Dense.Data.ToArray();
                    break;
                case VectorOutput.VectorOneofCase.Sparse when name == CollectionSchema.LexicalVector:
                    lexical = new SparseVector(vector.Sparse.Indices.ToArray(), vector.Sparse.Values.ToArray());
                    break;
                case VectorOutput.VectorOneofCase.None:
                    (dense, lexical) = FromDeprecatedFields(name, vector, dense, lexical, pointId, operation, collection);
                    break;
                default:
                    throw new VectorStoreException(operation, collection, $"point {pointId} has vector '{name}' of kind {vector.VectorCase}, not a dense or the lexical sparse vector.");
            }
        }

        return (dense, lexical);
    }

    /// <summary>Servers that fill only the older flat fields (data, plus indices for a sparse vector).</summary>
    private static (Dictionary<string, float[]>, SparseVector?) FromDeprecatedFields(
        string name, VectorOutput vector, Dictionary<string, float[]> dense, SparseVector? lexical, string pointId, string operation, string collection)
    {
#pragma warning disable CS0612 // The deprecated fields are read only when the current ones are absent.
        if (vector.Indices is { } indices)
        {
            if (name != CollectionSchema.LexicalVector || indices.Data.Count != vector.Data.Count)
            {
                throw new VectorStoreException(operation, collection, $"point {pointId} has a malformed sparse vector '{name}'.");
            }

            return (dense, new SparseVector(indices.Data.ToArray(), vector.Data.ToArray()));
        }

        dense[name] = vector.Data.ToArray();
#pragma warning restore CS0612
        return (dense, lexical);
    }
}
