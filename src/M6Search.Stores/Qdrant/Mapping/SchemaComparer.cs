using System.Text.Json;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant.Json;

namespace M6Search.Stores.Qdrant.Mapping;

/// <summary>Reads the vector layout of an existing collection and lists how it differs from a <see cref="CollectionSchema"/>.</summary>
internal static class SchemaComparer
{
    public const string Cosine = "Cosine";

    /// <summary>"none": the lexical weights already are BM25 weights (IDF included), so Qdrant must not apply IDF again.</summary>
    public const string LexicalModifier = "none";

    /// <summary>The named dense vectors (name to size and distance) of a collection, or null when it has one unnamed vector.</summary>
    public static IReadOnlyDictionary<string, VectorParamsDto>? DenseVectors(CollectionParamsDto parameters)
    {
        if (parameters.Vectors is not { } vectors || vectors.ValueKind != JsonValueKind.Object)
        {
            return new Dictionary<string, VectorParamsDto>();
        }

        if (vectors.TryGetProperty("size", out JsonElement size) && size.ValueKind == JsonValueKind.Number
            && vectors.TryGetProperty("distance", out JsonElement distance) && distance.ValueKind == JsonValueKind.String)
        {
            return null;
        }

        var result = new Dictionary<string, VectorParamsDto>(StringComparer.Ordinal);
        foreach (JsonProperty property in vectors.EnumerateObject())
        {
            result[property.Name] = property.Value.Deserialize(QdrantJson.Context.VectorParamsDto)
                ?? throw new JsonException($"vector '{property.Name}' has no parameters");
        }

        return result;
    }

    public static bool HasLexical(CollectionParamsDto parameters) =>
        parameters.SparseVectors?.ContainsKey(CollectionSchema.LexicalVector) == true;

    /// <summary>Every difference between the collection and the schema; empty when they match.</summary>
    public static IReadOnlyList<string> Differences(CollectionParamsDto parameters, CollectionSchema schema)
    {
        var differences = new List<string>();
        IReadOnlyDictionary<string, VectorParamsDto>? dense = DenseVectors(parameters);
        if (dense is null)
        {
            differences.Add("it has one unnamed dense vector, not named vectors");
            dense = new Dictionary<string, VectorParamsDto>();
        }

        foreach ((string name, int dimension) in schema.DenseVectors.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!dense.TryGetValue(name, out VectorParamsDto? actual))
            {
                differences.Add($"dense vector '{name}' is missing");
            }
            else
            {
                if (actual.Size != dimension)
                {
                    differences.Add($"dense vector '{name}' has {actual.Size} dimensions, the schema {dimension}");
                }

                if (actual.Distance != Cosine)
                {
                    differences.Add($"dense vector '{name}' uses {actual.Distance} distance, not Cosine");
                }
            }
        }

        foreach (string extra in dense.Keys.Where(name => !schema.DenseVectors.ContainsKey(name)).Order(StringComparer.Ordinal))
        {
            differences.Add($"it has a dense vector '{extra}' that the schema does not name");
        }

        SparseVectorParamsDto? lexical = null;
        bool hasLexical = parameters.SparseVectors?.TryGetValue(CollectionSchema.LexicalVector, out lexical) == true;
        if (schema.HasLexicalVector && !hasLexical)
        {
            differences.Add($"sparse vector '{CollectionSchema.LexicalVector}' is missing");
        }
        else if (!schema.HasLexicalVector && hasLexical)
        {
            differences.Add($"it has sparse vector '{CollectionSchema.LexicalVector}', which the schema leaves out");
        }
        else if (hasLexical && (lexical?.Modifier ?? LexicalModifier) != LexicalModifier)
        {
            differences.Add($"sparse vector '{CollectionSchema.LexicalVector}' uses the '{lexical!.Modifier}' modifier; M6Search's lexical weights already include IDF and need 'none'");
        }

        return differences;
    }
}
