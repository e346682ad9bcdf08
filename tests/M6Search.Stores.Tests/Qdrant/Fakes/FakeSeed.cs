extern alias QdrantFake;

using M6Search.Stores.Abstractions;
using QdrantFake::M6Search.Stores.QdrantFake;
using Fake = QdrantFake::Qdrant.Client.Grpc;

namespace M6Search.Stores.Tests.Qdrant.Fakes;

/// <summary>Collections put straight into a fake server, as if someone else had created them.</summary>
public static class FakeSeed
{
    /// <summary>A collection request with the product layout; change it before adding to make it differ.</summary>
    public static Fake.CreateCollection ProductCollection(int dimension, string name = QdrantTestData.CollectionName)
    {
        var vectors = new Fake.VectorParamsMap();
        vectors.Map[CollectionSchema.ImageVector] = new Fake.VectorParams { Size = (ulong)dimension, Distance = Fake.Distance.Cosine };
        vectors.Map[CollectionSchema.TextVector] = new Fake.VectorParams { Size = (ulong)dimension, Distance = Fake.Distance.Cosine };
        var request = new Fake.CreateCollection { CollectionName = name, VectorsConfig = new Fake.VectorsConfig { ParamsMap = vectors } };
        request.SparseVectorsConfig = new Fake.SparseVectorConfig();
        request.SparseVectorsConfig.Map[CollectionSchema.LexicalVector] = new Fake.SparseVectorParams { Modifier = Fake.Modifier.None };
        return request;
    }

    /// <summary>Adds the collection with the store's default payload indexes (category, merchant, lang, currency, price).</summary>
    public static void Add(FakeQdrantServer server, Fake.CreateCollection request, IReadOnlyDictionary<string, Fake.PayloadSchemaType>? indexes = null)
    {
        var collection = server.Fake.State.AddCollection(request);
        lock (server.Fake.State.Lock)
        {
            foreach ((string field, Fake.PayloadSchemaType type) in indexes ?? DefaultIndexes)
            {
                collection.PayloadIndexes[field] = type;
            }
        }
    }

    public static IReadOnlyDictionary<string, Fake.PayloadSchemaType> DefaultIndexes { get; } = new Dictionary<string, Fake.PayloadSchemaType>
    {
        ["category"] = Fake.PayloadSchemaType.Keyword,
        ["merchant"] = Fake.PayloadSchemaType.Keyword,
        ["lang"] = Fake.PayloadSchemaType.Keyword,
        ["currency"] = Fake.PayloadSchemaType.Keyword,
        ["price"] = Fake.PayloadSchemaType.Float,
    };
}
