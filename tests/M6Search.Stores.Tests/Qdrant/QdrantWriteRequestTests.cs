extern alias QdrantFake;

using System.Text.Json.Nodes;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant;
using M6Search.Stores.Tests.Qdrant.Fakes;
using QdrantFake::M6Search.Stores.QdrantFake;
using Fake = QdrantFake::Qdrant.Client.Grpc;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>What the store sends for writes, as the fake Qdrant received it over gRPC.</summary>
public sealed class QdrantWriteRequestTests : IAsyncLifetime
{
    private FakeQdrantServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeQdrantServer.StartAsync();
        FakeSeed.Add(_server, FakeSeed.ProductCollection(4));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Upsert_KeysThePointByTheProductsUuid_AndSendsPayloadDenseAndSparseVectors()
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        await store.UpsertAsync([QdrantTestData.MugPoint]);

        Fake.PointStruct point = Assert.Single(_server.Fake.CallsOf("Points/Upsert").Single().As<Fake.UpsertPoints>().Points);
        Assert.Equal(QdrantTestData.PointId("p-001"), point.Id.Uuid);
        Assert.Equal("p-001", point.Payload["id"].StringValue);
        Assert.Equal("kitchen", point.Payload["category"].StringValue);
        Assert.Equal(12.5, point.Payload["price"].DoubleValue);
        Assert.Equal("blue", point.Payload["attributes"].StructValue.Fields["color"].StringValue);
        Assert.Equal(3, point.Payload["stock"].IntegerValue);
        Assert.Equal("A-1", point.Payload["sku"].StringValue);
        Assert.Equal("sha256:0f1e2d", point.Payload["m6_content_hash"].StringValue);
        var vectors = point.Vectors.Vectors_.Vectors;
        Assert.Equal([0.5f, 0.5f, 0.5f, 0.5f], vectors["image"].Dense.Data);
        Assert.Equal([0.6f, 0.8f, 0f, 0f], vectors["text"].Dense.Data);
        Assert.Equal([3u, 17u, 250u], vectors["lexical"].Sparse.Indices);
        Assert.Equal([0.5f, 1.25f, 2f], vectors["lexical"].Sparse.Values);
    }

    [Fact]
    public async Task Upsert_SendsChineseAsText()
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        await store.UpsertAsync([QdrantTestData.ChinesePoint]);

        Fake.PointStruct point = _server.Fake.CallsOf("Points/Upsert").Single().As<Fake.UpsertPoints>().Points.Single();
        Assert.Equal("凹凸的咖啡杯", point.Payload["title"].StringValue);
        Assert.Equal("白色", point.Payload["attributes"].StructValue.Fields["颜色"].StringValue);
    }

    [Theory]
    [InlineData(QdrantWriteOrdering.Weak, Fake.WriteOrderingType.Weak)]
    [InlineData(QdrantWriteOrdering.Medium, Fake.WriteOrderingType.Medium)]
    [InlineData(QdrantWriteOrdering.Strong, Fake.WriteOrderingType.Strong)]
    public async Task Upsert_WaitsAndSendsTheConfiguredOrdering_InBatchesOfTheConfiguredSize(QdrantWriteOrdering ordering, Fake.WriteOrderingType expected)
    {
        await using QdrantProductStore store = TestStores.Create(_server, o =>
        {
            o.UpsertBatchSize = 2;
            o.WriteOrdering = ordering;
        });

        await store.UpsertAsync([QdrantTestData.MugPoint, QdrantTestData.ChinesePoint, QdrantTestData.BarePoint]);

        Fake.UpsertPoints[] calls = _server.Fake.CallsOf("Points/Upsert").Select(call => call.As<Fake.UpsertPoints>()).ToArray();
        Assert.Equal([2, 1], calls.Select(call => call.Points.Count));
        Assert.All(calls, call =>
        {
            Assert.True(call.Wait);
            Assert.Equal(expected, call.Ordering.Type);
            Assert.Equal("products", call.CollectionName);
        });
    }

    [Fact]
    public async Task Upsert_RejectsANonFiniteVector_BeforeSendingAnything()
    {
        await using QdrantProductStore store = TestStores.Create(_server, o => o.UpsertBatchSize = 1);
        ProductPoint bad = QdrantTestData.BarePoint with
        {
            Vectors = new Dictionary<string, float[]> { [CollectionSchema.ImageVector] = [0f, float.NaN, 0f, 1f] },
        };

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.UpsertAsync([QdrantTestData.MugPoint, bad]));

        Assert.Contains("p-003", error.Message, StringComparison.Ordinal);
        Assert.Contains("image", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Fake.Calls);
    }

    [Fact]
    public async Task Upsert_RejectsAProductCarryingTheReservedContentHashField()
    {
        await using QdrantProductStore store = TestStores.Create(_server);
        ProductPoint point = QdrantTestData.BarePoint with
        {
            Product = QdrantTestData.Bare with { Extra = new JsonObject { ["m6_content_hash"] = "x" } },
        };

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.UpsertAsync([point]));

        Assert.Contains("m6_content_hash", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Fake.Calls);
    }

    [Fact]
    public async Task Upsert_Fails_WhenQdrantOnlyAcknowledgesTheWrite()
    {
        _server.Fake.WriteStatus = Fake.UpdateStatus.Acknowledged;
        await using QdrantProductStore store = TestStores.Create(_server);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.UpsertAsync([QdrantTestData.MugPoint]));

        Assert.Equal("Upsert", error.Operation);
        Assert.Contains("'Acknowledged', not 'Completed'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_SendsThePointIdsOfTheProducts_OnceEach_WithWaitAndOrdering()
    {
        await using QdrantProductStore store = TestStores.Create(_server, o => o.WriteOrdering = QdrantWriteOrdering.Strong);

        await store.DeleteAsync(["p-001", "商品-42", "p-001"]);

        Fake.DeletePoints request = _server.Fake.CallsOf("Points/Delete").Single().As<Fake.DeletePoints>();
        Assert.Equal([QdrantTestData.PointId("p-001"), QdrantTestData.PointId("商品-42")], request.Points.Points.Ids.Select(id => id.Uuid));
        Assert.True(request.Wait);
        Assert.Equal(Fake.WriteOrderingType.Strong, request.Ordering.Type);
    }

    [Fact]
    public async Task CreateSnapshot_ReturnsTheSnapshotName()
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        string name = await store.CreateSnapshotAsync();

        Assert.StartsWith("products-", name, StringComparison.Ordinal);
        Assert.Equal("products", _server.Fake.CallsOf("Snapshots/Create").Single().As<Fake.CreateSnapshotRequest>().CollectionName);
    }

    [Fact]
    public async Task EveryCall_CarriesTheApiKey_WhenOneIsConfigured()
    {
        await using QdrantProductStore store = TestStores.Create(_server, o => o.ApiKey = "k-123");

        await store.CountAsync();
        await store.UpsertAsync([QdrantTestData.BarePoint]);

        Assert.All(_server.Fake.Calls, call => Assert.Equal("k-123", call.ApiKey));
    }

    [Fact]
    public async Task EveryCall_CarriesADeadline_OfTheAttemptTimeout()
    {
        await using QdrantProductStore store = TestStores.Create(_server, o => o.Timeout = TimeSpan.FromSeconds(7));
        DateTime before = DateTime.UtcNow;

        await store.CountAsync();

        DateTime deadline = _server.Fake.Calls.Single().Deadline!.Value;
        Assert.InRange(deadline, before.AddSeconds(6), DateTime.UtcNow.AddSeconds(7.5));
    }

    [Fact]
    public async Task DisposedStore_RefusesFurtherCalls()
    {
        QdrantProductStore store = TestStores.Create(_server);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CountAsync());
        Assert.Empty(_server.Fake.Calls);
    }
}
