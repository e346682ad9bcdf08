using System.Text.Json;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant.Json;

namespace M6Search.Stores.Qdrant.Mapping;

/// <summary>Named dense vectors and the sparse lexical vector, to Qdrant's named-vector map and back.</summary>
internal static class VectorMapper
{
    /// <summary>The <c>vector</c> map of a point; a vector that Qdrant would reject (empty, not finite, unsorted sparse) is reported with the product id.</summary>
    public static Dictionary<string, object> ToQdrant(ProductPoint point, string collection)
    {
        string productId = point.Product.Id;
        var vectors = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach ((string name, float[] vector) in point.Vectors)
        {
            if (string.IsNullOrEmpty(name) || name == CollectionSchema.LexicalVector)
            {
                throw new VectorStoreException("Upsert", collection, $"product '{productId}' has a dense vector named '{name}', which is not a dense vector name.");
            }

            CheckDense(vector, $"product '{productId}', vector '{name}'", "Upsert", collection);
            vectors[name] = vector;
        }

        if (point.Lexical is { } lexical)
        {
            CheckSparse(lexical, $"product '{productId}', vector '{CollectionSchema.LexicalVector}'", "Upsert", collection);
            vectors[CollectionSchema.LexicalVector] = new SparseVectorDto(lexical.Indices, lexical.Values);
        }

        return vectors;
    }

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
    public static (IReadOnlyDictionary<string, float[]> Dense, SparseVector? Lexical) FromQdrant(JsonElement? vector, string pointId, string operation, string collection)
    {
        var dense = new Dictionary<string, float[]>(StringComparer.Ordinal);
        SparseVector? lexical = null;
        if (vector is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return (dense, lexical);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new VectorStoreException(operation, collection, $"point {pointId} has an unnamed vector; M6Search collections use named vectors.");
        }

        try
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.Array:
                        dense[property.Name] = property.Value.Deserialize(QdrantJson.Context.SingleArray)
                            ?? throw new JsonException($"vector '{property.Name}' is null");
                        break;
                    case JsonValueKind.Object when property.Name == CollectionSchema.LexicalVector:
                        SparseVectorDto sparse = property.Value.Deserialize(QdrantJson.Context.SparseVectorDto)
                            ?? throw new JsonException($"vector '{property.Name}' is null");
                        lexical = new SparseVector(sparse.Indices, sparse.Values);
                        break;
                    default:
                        throw new JsonException($"vector '{property.Name}' is a {property.Value.ValueKind}, not a dense or the lexical sparse vector");
                }
            }
        }
        catch (JsonException ex)
        {
            throw new VectorStoreException(operation, collection, $"point {pointId} has a malformed vector: {ex.Message}", ex);
        }

        return (dense, lexical);
    }
}
