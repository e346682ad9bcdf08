extern alias QdrantFake;

using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant;
using M6Search.Stores.Tests.Qdrant.Fakes;
using QdrantFake::M6Search.Stores.QdrantFake;
using Fake = QdrantFake::Qdrant.Client.Grpc;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>Creating the collection, accepting one that already exists, and refusing one that does not fit.</summary>
public sealed class QdrantEnsureCollectionTests : IAsyncLifetime
{
    private FakeQdrantServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeQdrantServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task EnsureCollection_CreatesNamedCosineVectors_AndALexicalVectorWithoutIdf_LeavingClusterSettingsToTheServer()
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));

        Fake.CreateCollection create = _server.Fake.CallsOf("Collections/Create").Single().As<Fake.CreateCollection>();
        Assert.Equal("products", create.CollectionName);
        Assert.Equal(["image", "text"], create.VectorsConfig.ParamsMap.Map.Keys.Order(StringComparer.Ordinal));
        Assert.All(create.VectorsConfig.ParamsMap.Map.Values, vector =>
        {
            Assert.Equal(4ul, vector.Size);
            Assert.Equal(Fake.Distance.Cosine, vector.Distance);
            Assert.False(vector.HasMemory);
        });
        Fake.SparseVectorParams lexical = create.SparseVectorsConfig.Map["lexical"];
        Assert.True(lexical.HasModifier);
        Assert.Equal(Fake.Modifier.None, lexical.Modifier);
        Assert.False(create.HasShardNumber);
        Assert.False(create.HasReplicationFactor);
        Assert.False(create.HasWriteConsistencyFactor);
        Assert.Null(create.QuantizationConfig);
    }

    [Fact]
    public async Task EnsureCollection_SendsShardsReplicationWriteConsistencyAndInt8Quantization_WhenConfigured()
    {
        await using QdrantProductStore store = TestStores.Create(_server, o =>
        {
            o.ShardNumber = 6;
            o.ReplicationFactor = 2;
            o.WriteConsistencyFactor = 2;
            o.Quantization = QdrantQuantization.Int8;
        });

        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));

        Fake.CreateCollection create = _server.Fake.CallsOf("Collections/Create").Single().As<Fake.CreateCollection>();
        Assert.Equal(6u, create.ShardNumber);
        Assert.Equal(2u, create.ReplicationFactor);
        Assert.Equal(2u, create.WriteConsistencyFactor);
        Fake.ScalarQuantization scalar = create.QuantizationConfig.Scalar;
        Assert.Equal(Fake.QuantizationType.Int8, scalar.Type);
        Assert.Equal(0.99f, scalar.Quantile);
        Assert.Equal(Fake.Memory.Pinned, scalar.Memory);
        Assert.All(create.VectorsConfig.ParamsMap.Map.Values, vector => Assert.Equal(Fake.Memory.Cold, vector.Memory));
    }

    [Fact]
    public async Task EnsureCollection_IndexesTheFilteredFields_WithWaitAndTheConfiguredOrdering()
    {
        await using QdrantProductStore store = TestStores.Create(_server, o =>
        {
            o.IndexedAttributeKeys.Add("color");
            o.WriteOrdering = QdrantWriteOrdering.Medium;
        });

        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));

        Fake.CreateFieldIndexCollection[] indexes = _server.Fake.CallsOf("Points/CreateFieldIndex").Select(call => call.As<Fake.CreateFieldIndexCollection>()).ToArray();
        Assert.Equal(
            ["category:Keyword", "merchant:Keyword", "lang:Keyword", "currency:Keyword", "price:Float", "attributes.color:Keyword"],
            indexes.Select(index => $"{index.FieldName}:{index.FieldType}"));
        Assert.All(indexes, index =>
        {
            Assert.True(index.Wait);
            Assert.Equal(Fake.WriteOrderingType.Medium, index.Ordering.Type);
        });
    }

    [Fact]
    public async Task EnsureCollection_LeavesAMatchingCollectionAlone_AndAddsOnlyMissingIndexes()
    {
        var indexes = new Dictionary<string, Fake.PayloadSchemaType>(FakeSeed.DefaultIndexes);
        indexes.Remove("currency");
        FakeSeed.Add(_server, FakeSeed.ProductCollection(4), indexes);
        await using QdrantProductStore store = TestStores.Create(_server);

        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));

        Assert.Empty(_server.Fake.CallsOf("Collections/Create"));
        Assert.Equal("currency", _server.Fake.CallsOf("Points/CreateFieldIndex").Single().As<Fake.CreateFieldIndexCollection>().FieldName);
    }

    [Fact]
    public async Task EnsureCollection_AcceptsACollectionCreatedMeanwhile_AndThenChecksItsSchema()
    {
        _server.Fake.Faults.BeforeNext("Collections/Create", () => FakeSeed.Add(_server, FakeSeed.ProductCollection(4)));
        await using QdrantProductStore store = TestStores.Create(_server);

        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));

        Assert.Single(_server.Fake.CallsOf("Collections/Create"));
        Assert.NotEmpty(_server.Fake.CallsOf("Collections/Get"));
    }

    [Fact]
    public async Task EnsureCollection_RefusesACollectionCreatedMeanwhileWithAnotherDimension()
    {
        _server.Fake.Faults.BeforeNext("Collections/Create", () => FakeSeed.Add(_server, FakeSeed.ProductCollection(512)));
        await using QdrantProductStore store = TestStores.Create(_server);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.EnsureCollectionAsync(CollectionSchema.ForProducts(4)));

        Assert.Equal("EnsureCollection", error.Operation);
        Assert.Contains("'image' has 512 dimensions, the schema 4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unnamed", "unnamed dense vector")]
    [InlineData("dot", "'image' uses Dot distance")]
    [InlineData("no-text", "'text' is missing")]
    [InlineData("logo", "'logo' that the schema does not name")]
    [InlineData("idf", "'Idf' modifier")]
    [InlineData("no-lexical", "sparse vector 'lexical' is missing")]
    public async Task EnsureCollection_NamesEveryDifference_OfAnExistingCollection(string change, string expected)
    {
        Fake.CreateCollection request = FakeSeed.ProductCollection(4);
        var map = request.VectorsConfig.ParamsMap.Map;
        switch (change)
        {
            case "unnamed":
                request.VectorsConfig = new Fake.VectorsConfig { Params = new Fake.VectorParams { Size = 4, Distance = Fake.Distance.Cosine } };
                break;
            case "dot":
                map["image"].Distance = Fake.Distance.Dot;
                break;
            case "no-text":
                map.Remove("text");
                break;
            case "logo":
                map["logo"] = new Fake.VectorParams { Size = 4, Distance = Fake.Distance.Cosine };
                break;
            case "idf":
                request.SparseVectorsConfig.Map["lexical"].Modifier = Fake.Modifier.Idf;
                break;
            default:
                request.SparseVectorsConfig = null;
                break;
        }

        FakeSeed.Add(_server, request);
        await using QdrantProductStore store = TestStores.Create(_server);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.EnsureCollectionAsync(CollectionSchema.ForProducts(4)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Fake.CallsOf("Points/CreateFieldIndex"));
    }

    [Fact]
    public async Task EnsureCollection_RefusesAFieldIndexedWithAnotherType()
    {
        var indexes = new Dictionary<string, Fake.PayloadSchemaType>(FakeSeed.DefaultIndexes) { ["price"] = Fake.PayloadSchemaType.Integer };
        FakeSeed.Add(_server, FakeSeed.ProductCollection(4), indexes);
        await using QdrantProductStore store = TestStores.Create(_server);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.EnsureCollectionAsync(CollectionSchema.ForProducts(4)));

        Assert.Contains("'price' is indexed as integer, not float", error.Message, StringComparison.Ordinal);
    }
}
