using M6Search.Stores.Abstractions;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.Qdrant.Mapping;

/// <summary>What the store asks Qdrant to create: the collection (vectors, shards, quantisation) and its payload indexes.</summary>
internal static class CollectionRequests
{
    /// <summary>Values beyond the 99th percentile are clipped before scaling to int8, so that outliers do not waste the range.</summary>
    public const float Int8Quantile = 0.99f;

    private static readonly string[] KeywordFields =
    [
        ProductPayload.CategoryKey, ProductPayload.MerchantKey, ProductPayload.LangKey, ProductPayload.CurrencyKey,
    ];

    /// <summary>
    /// The collection for <paramref name="schema"/>: named Cosine vectors, the sparse "lexical" vector without IDF
    /// modifier, and the configured shards, replication, write consistency and quantisation (unset ones left to the
    /// server). With int8, the float32 originals live on disk (<c>memory: Cold</c>) and the int8 codes in RAM
    /// (<c>memory: Pinned</c>), the non-deprecated forms of Qdrant 1.19's <c>on_disk</c> and <c>always_ram</c>.
    /// </summary>
    public static CreateCollection Create(string collection, CollectionSchema schema, QdrantStoreOptions options)
    {
        bool int8 = options.Quantization == QdrantQuantization.Int8;
        var vectors = new VectorParamsMap();
        foreach ((string name, int dimension) in schema.DenseVectors.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var parameters = new VectorParams { Size = (ulong)dimension, Distance = Distance.Cosine };
            if (int8)
            {
                parameters.Memory = Memory.Cold;
            }

            vectors.Map[name] = parameters;
        }

        var request = new CreateCollection { CollectionName = collection, VectorsConfig = new VectorsConfig { ParamsMap = vectors } };
        if (schema.HasLexicalVector)
        {
            request.SparseVectorsConfig = new SparseVectorConfig();
            request.SparseVectorsConfig.Map[CollectionSchema.LexicalVector] = new SparseVectorParams { Modifier = Modifier.None };
        }

        if (options.ShardNumber is { } shards)
        {
            request.ShardNumber = (uint)shards;
        }

        if (options.ReplicationFactor is { } replicas)
        {
            request.ReplicationFactor = (uint)replicas;
        }

        if (options.WriteConsistencyFactor is { } consistency)
        {
            request.WriteConsistencyFactor = (uint)consistency;
        }

        if (int8)
        {
            request.QuantizationConfig = new QuantizationConfig
            {
                Scalar = new ScalarQuantization { Type = QuantizationType.Int8, Quantile = Int8Quantile, Memory = Memory.Pinned },
            };
        }

        return request;
    }

    /// <summary>The payload fields filters use and the index type each needs.</summary>
    public static IReadOnlyList<(string Field, PayloadSchemaType Type)> PayloadIndexes(QdrantStoreOptions options)
    {
        var wanted = new List<(string Field, PayloadSchemaType Type)>();
        wanted.AddRange(KeywordFields.Select(field => (field, PayloadSchemaType.Keyword)));
        wanted.Add((ProductPayload.PriceKey, PayloadSchemaType.Float));
        wanted.AddRange(options.IndexedAttributeKeys
            .Distinct(StringComparer.Ordinal)
            .Select(key => ($"{ProductPayload.AttributesKey}.{key}", PayloadSchemaType.Keyword)));
        return wanted;
    }

    public static WriteOrdering Ordering(QdrantWriteOrdering ordering) => new()
    {
        Type = ordering switch
        {
            QdrantWriteOrdering.Medium => WriteOrderingType.Medium,
            QdrantWriteOrdering.Strong => WriteOrderingType.Strong,
            _ => WriteOrderingType.Weak,
        },
    };
}
