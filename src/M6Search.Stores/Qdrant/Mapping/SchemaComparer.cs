using M6Search.Stores.Abstractions;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.Qdrant.Mapping;

/// <summary>Reads the vector layout of an existing collection and lists how it differs from a <see cref="CollectionSchema"/>.</summary>
internal static class SchemaComparer
{
    /// <summary>The named dense vectors (name to parameters) of a collection, or null when it has one unnamed vector.</summary>
    public static IReadOnlyDictionary<string, VectorParams>? DenseVectors(CollectionParams parameters) => parameters.VectorsConfig?.ConfigCase switch
    {
        VectorsConfig.ConfigOneofCase.Params => null,
        VectorsConfig.ConfigOneofCase.ParamsMap => parameters.VectorsConfig.ParamsMap.Map.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
        _ => new Dictionary<string, VectorParams>(StringComparer.Ordinal),
    };

    public static SparseVectorParams? Lexical(CollectionParams parameters) =>
        parameters.SparseVectorsConfig?.Map.TryGetValue(CollectionSchema.LexicalVector, out SparseVectorParams? lexical) == true ? lexical : null;

    /// <summary>Every difference between the collection and the schema; empty when they match.</summary>
    public static IReadOnlyList<string> Differences(CollectionParams parameters, CollectionSchema schema)
    {
        var differences = new List<string>();
        IReadOnlyDictionary<string, VectorParams>? dense = DenseVectors(parameters);
        if (dense is null)
        {
            differences.Add("it has one unnamed dense vector, not named vectors");
            dense = new Dictionary<string, VectorParams>();
        }

        foreach ((string name, int dimension) in schema.DenseVectors.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!dense.TryGetValue(name, out VectorParams? actual))
            {
                differences.Add($"dense vector '{name}' is missing");
                continue;
            }

            if (actual.Size != (ulong)dimension)
            {
                differences.Add($"dense vector '{name}' has {actual.Size} dimensions, the schema {dimension}");
            }

            if (actual.Distance != Distance.Cosine)
            {
                differences.Add($"dense vector '{name}' uses {actual.Distance} distance, not Cosine");
            }
        }

        foreach (string extra in dense.Keys.Where(name => !schema.DenseVectors.ContainsKey(name)).Order(StringComparer.Ordinal))
        {
            differences.Add($"it has a dense vector '{extra}' that the schema does not name");
        }

        SparseVectorParams? lexical = Lexical(parameters);
        if (schema.HasLexicalVector && lexical is null)
        {
            differences.Add($"sparse vector '{CollectionSchema.LexicalVector}' is missing");
        }
        else if (!schema.HasLexicalVector && lexical is not null)
        {
            differences.Add($"it has sparse vector '{CollectionSchema.LexicalVector}', which the schema leaves out");
        }
        else if (lexical is { HasModifier: true, Modifier: not Modifier.None })
        {
            // The lexical weights are BM25 weights with the IDF already inside; Qdrant's idf modifier would apply it twice.
            differences.Add($"sparse vector '{CollectionSchema.LexicalVector}' uses the '{lexical.Modifier}' modifier; M6Search's lexical weights already include IDF and need 'None'");
        }

        return differences;
    }
}
