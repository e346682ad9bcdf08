extern alias QdrantFake;

using System.Text.Json;
using M6Search.Catalog.Serialization;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant;
using M6Search.Stores.Tests.Qdrant.Fakes;
using QdrantFake::M6Search.Stores.QdrantFake;
using Fake = QdrantFake::Qdrant.Client.Grpc;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>How the store reads Qdrant's replies back into products, hits and stats.</summary>
public sealed class QdrantReplyTests : IAsyncLifetime
{
    private FakeQdrantServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeQdrantServer.StartAsync();
        FakeSeed.Add(_server, FakeSeed.ProductCollection(4));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("p-001")]
    [InlineData("商品-42")]
    [InlineData("p-003")]
    public async Task Upsert_ThenGet_GivesBackTheSameProductVectorsAndHash(string productId)
    {
        ProductPoint original = new[] { QdrantTestData.MugPoint, QdrantTestData.ChinesePoint, QdrantTestData.BarePoint }.Single(p => p.Product.Id == productId);
        await using QdrantProductStore store = TestStores.Create(_server);

        await store.UpsertAsync([original]);
        ProductPoint? read = await store.GetAsync(productId, withVectors: true);

        Assert.NotNull(read);
        Assert.Equal(ProductJson(original), ProductJson(read));
        Assert.Equal(original.ContentHash, read.ContentHash);
        Assert.Equal(original.Vectors.Keys.Order(), read.Vectors.Keys.Order());
        foreach ((string name, float[] vector) in original.Vectors)
        {
            // The test vectors are unit length, so Qdrant's Cosine normalisation leaves them as they were.
            Assert.Equal(vector, read.Vectors[name]);
        }

        Assert.Equal(original.Lexical?.Indices, read.Lexical?.Indices);
        Assert.Equal(original.Lexical?.Values, read.Lexical?.Values);
    }

    [Fact]
    public async Task Search_ReadsHitsInQdrantsOrder_WithTheirScores_AndWithoutVectorsUnlessAsked()
    {
        await using QdrantProductStore store = TestStores.Create(_server);
        await store.UpsertAsync([QdrantTestData.MugPoint, QdrantTestData.ChinesePoint, QdrantTestData.BarePoint]);

        IReadOnlyList<SearchHit> hits = await store.SearchAsync(new VectorQuery { Using = "image", Vector = [1f, 0f, 0f, 0f] });

        // Image cosines to axis 0: the cup 1, the mug 0.5, the spoon 0.
        Assert.Equal(["商品-42", "p-001", "p-003"], hits.Select(h => h.Point.Product.Id));
        Assert.Equal(1f, hits[0].Score, 1e-6f);
        Assert.Equal(0.5f, hits[1].Score, 1e-6f);
        Assert.Empty(hits[0].Point.Vectors);
        Assert.Null(hits[0].Point.Lexical);
        Assert.Equal("凹凸的咖啡杯", hits[0].Point.Product.Title);
    }

    [Fact]
    public async Task Get_Fails_WhenThePointHoldsAnotherProduct()
    {
        await using QdrantProductStore store = TestStores.Create(_server);
        await store.UpsertAsync([QdrantTestData.MugPoint]);
        lock (_server.Fake.State.Lock)
        {
            _server.Fake.State.Resolve("products").Points.Single().Payload["id"] = new Fake.Value { StringValue = "p-003" };
        }

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.GetAsync("p-001"));

        Assert.Equal("Get", error.Operation);
        Assert.Contains("holds product 'p-003'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStats_ReportsVectorsShardsReplicasIndexesAndQuantization()
    {
        Fake.CreateCollection request = FakeSeed.ProductCollection(8, "sharded");
        request.ShardNumber = 2;
        request.ReplicationFactor = 2;
        request.QuantizationConfig = new Fake.QuantizationConfig
        {
            Scalar = new Fake.ScalarQuantization { Type = Fake.QuantizationType.Int8, Quantile = 0.99f, Memory = Fake.Memory.Pinned },
        };
        FakeSeed.Add(_server, request);
        await using QdrantProductStore store = TestStores.Create(_server, o => o.Collection = "sharded");
        await store.UpsertAsync([QdrantTestData.BarePoint with { Vectors = new Dictionary<string, float[]> { ["image"] = [1, 0, 0, 0, 0, 0, 0, 0] } }]);

        StoreStats stats = await store.GetStatsAsync();

        Assert.Equal("qdrant", stats.Store);
        Assert.Equal(1, stats.Points);
        Assert.Equal(8, stats.DenseVectors["image"]);
        Assert.True(stats.HasLexicalVector);
        Assert.Equal("2", stats.Settings["shard_number"]);
        Assert.Equal("2", stats.Settings["replication_factor"]);
        Assert.Equal("1", stats.Settings["write_consistency_factor"]);
        Assert.Equal("int8 (quantile 0.99, pinned in RAM)", stats.Settings["quantization"]);
        Assert.Equal("category:keyword, currency:keyword, lang:keyword, merchant:keyword, price:float", stats.Settings["payload_indexes"]);
        Assert.Equal("none", stats.Settings["lexical_modifier"]);
        Assert.Equal("green", stats.Settings["status"]);
        Assert.Equal("0:Active(1 points), 1:Active(0 points)", stats.Settings["shards.local"]);
        Assert.Equal("1", stats.Settings["cluster.peer_id"]);
    }

    [Fact]
    public async Task GetStats_StillReportsTheCollection_WhenTheKeyMayNotReadTheShards()
    {
        _server.Fake.Faults.FailNext("Collections/CollectionClusterInfo", Grpc.Core.StatusCode.PermissionDenied, "Forbidden: global access is required");
        await using QdrantProductStore store = TestStores.Create(_server);

        StoreStats stats = await store.GetStatsAsync();

        Assert.Equal(0, stats.Points);
        Assert.Equal("none", stats.Settings["quantization"]);
        Assert.Equal("Forbidden: global access is required", stats.Settings["shards.error"]);
    }

    [Fact]
    public async Task DeleteCollection_SaysWhetherThereWasOne()
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        Assert.True(await store.DeleteCollectionAsync());
        Assert.False(await store.DeleteCollectionAsync());
        Assert.Empty(_server.Fake.State.CollectionNames);
    }

    private static string ProductJson(ProductPoint point) => JsonSerializer.Serialize(point.Product with { Extra = null }, CatalogJson.Options)
        + (point.Product.Extra?.ToJsonString() ?? string.Empty);
}
