using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using M6Search.Catalog.Serialization;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant;
using M6Search.Stores.Tests.Qdrant.Contract;
using M6Search.Stores.Tests.Qdrant.Fakes;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>What the store sends for each call and how it reads Qdrant's replies back into products and hits.</summary>
public sealed class QdrantStoreMappingTests
{
    [Theory]
    [InlineData("p-001")]
    [InlineData("商品-42")]
    [InlineData("p-003")]
    public async Task Upsert_ThenGet_GivesBackTheSameProductVectorsAndHash(string productId)
    {
        ProductPoint original = new[] { QdrantTestData.MugPoint, QdrantTestData.ChinesePoint, QdrantTestData.BarePoint }
            .Single(p => p.Product.Id == productId);
        JsonObject sent = SentPoints.Of(original);
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Records([CannedReplies.RecordFrom(sent, withVector: true)])));
        var store = TestStores.Create(handler);

        ProductPoint? read = await store.GetAsync(productId, withVectors: true);

        Assert.NotNull(read);
        Assert.Equal(ProductJson(original), ProductJson(read));
        Assert.Equal(original.ContentHash, read.ContentHash);
        Assert.Equal(original.Vectors.Keys.Order(), read.Vectors.Keys.Order());
        foreach ((string name, float[] vector) in original.Vectors)
        {
            Assert.Equal(vector, read.Vectors[name]);
        }

        Assert.Equal(original.Lexical?.Indices, read.Lexical?.Indices);
        Assert.Equal(original.Lexical?.Values, read.Lexical?.Values);
    }

    [Fact]
    public async Task Upsert_KeysThePointByTheProductsUuid_AndKeepsTheProductFieldsAtTheTopOfThePayload()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Completed));
        var store = TestStores.Create(handler);

        await store.UpsertAsync([QdrantTestData.MugPoint]);

        JsonNode point = JsonNode.Parse(handler.Requests.Single().Body!)!["points"]![0]!;
        Assert.Equal(QdrantTestData.PointId("p-001"), (string)point["id"]!);
        JsonNode payload = point["payload"]!;
        Assert.Equal("p-001", (string)payload["id"]!);
        Assert.Equal("kitchen", (string)payload["category"]!);
        Assert.Equal(12.5, (double)payload["price"]!);
        Assert.Equal("blue", (string)payload["attributes"]!["color"]!);
        Assert.Equal("A-1", (string)payload["sku"]!);
        Assert.Equal("sha256:0f1e2d", (string)payload["m6_content_hash"]!);
        Assert.Equal("""{"indices":[3,17,250],"values":[0.5,1.25,2]}""", point["vector"]!["lexical"]!.ToJsonString());
    }

    [Fact]
    public async Task Upsert_SendsChineseAsUtf8Text()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Completed));
        var store = TestStores.Create(handler);

        await store.UpsertAsync([QdrantTestData.ChinesePoint]);

        Assert.Contains("凹凸的咖啡杯", handler.Requests.Single().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_WaitsAndSendsTheConfiguredOrdering_InBatchesOfTheConfiguredSize()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Completed));
        var store = TestStores.Create(handler, TestStores.Options(o =>
        {
            o.UpsertBatchSize = 2;
            o.WriteOrdering = QdrantWriteOrdering.Medium;
        }));

        await store.UpsertAsync([QdrantTestData.MugPoint, QdrantTestData.ChinesePoint, QdrantTestData.BarePoint]);

        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("/collections/products/points?wait=true&ordering=medium", r.Uri.PathAndQuery));
        Assert.Equal([2, 1], handler.Requests.Select(r => JsonNode.Parse(r.Body!)!["points"]!.AsArray().Count));
    }

    [Fact]
    public async Task Upsert_RejectsANonFiniteVector_BeforeSendingAnything()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Completed));
        var store = TestStores.Create(handler, TestStores.Options(o => o.UpsertBatchSize = 1));
        ProductPoint bad = QdrantTestData.BarePoint with
        {
            Vectors = new Dictionary<string, float[]> { [CollectionSchema.ImageVector] = [0f, float.NaN, 0f, 1f] },
        };

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.UpsertAsync([QdrantTestData.MugPoint, bad]));

        Assert.Contains("p-003", error.Message, StringComparison.Ordinal);
        Assert.Contains("image", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Upsert_RejectsAProductCarryingTheReservedContentHashField()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Completed));
        var store = TestStores.Create(handler);
        ProductPoint point = QdrantTestData.BarePoint with
        {
            Product = QdrantTestData.Bare with { Extra = new JsonObject { ["m6_content_hash"] = "x" } },
        };

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.UpsertAsync([point]));

        Assert.Contains("m6_content_hash", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Upsert_Fails_WhenQdrantOnlyAcknowledgesTheWrite()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Acknowledged));
        var store = TestStores.Create(handler);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.UpsertAsync([QdrantTestData.MugPoint]));

        Assert.Contains("acknowledged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_SendsTheVectorNameThresholdPageAndFilter_AsQdrantConditions()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Query([])));
        var store = TestStores.Create(handler);

        await store.SearchAsync(new VectorQuery
        {
            Using = CollectionSchema.TextVector,
            Vector = [0.6f, 0.8f, 0f, 0f],
            Limit = 7,
            Offset = 14,
            ScoreThreshold = 0.3f,
            Filter = new ProductFilter
            {
                Categories = ["kitchen", "厨房", "kitchen"],
                MaxPrice = 20,
                Keywords = new Dictionary<string, string> { ["attributes.color"] = "blue", ["lang"] = "en" },
            },
        });

        RecordedRequest request = handler.Requests.Single();
        Assert.Equal("/collections/products/points/query", request.Uri.PathAndQuery);
        Assert.Equal(
            """{"query":[0.6,0.8,0,0],"using":"text","filter":{"must":[{"key":"category","match":{"any":["kitchen","厨房"]}},{"key":"price","range":{"lte":20}},{"key":"attributes.color","match":{"value":"blue"}},{"key":"lang","match":{"value":"en"}}]},"score_threshold":0.3,"limit":7,"offset":14,"with_payload":true,"with_vector":false}""",
            request.Body);
    }

    [Fact]
    public async Task Search_ReadsHitsInQdrantsOrder_WithTheirScores()
    {
        JsonObject mug = SentPoints.Of(QdrantTestData.MugPoint);
        JsonObject cup = SentPoints.Of(QdrantTestData.ChinesePoint);
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Query(
        [
            CannedReplies.RecordFrom(cup, withVector: false, score: 0.93f),
            CannedReplies.RecordFrom(mug, withVector: false, score: 0.41f),
        ])));
        var store = TestStores.Create(handler);

        IReadOnlyList<SearchHit> hits = await store.SearchAsync(new VectorQuery { Using = "image", Vector = [1f, 0f, 0f, 0f] });

        Assert.Equal(["商品-42", "p-001"], hits.Select(h => h.Point.Product.Id));
        Assert.Equal([0.93f, 0.41f], hits.Select(h => h.Score));
        Assert.Empty(hits[0].Point.Vectors);
    }

    [Fact]
    public async Task HybridSearch_PrefetchesEachDenseVectorAndTheLexicalVector_AndFusesWithRrf()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Query([])));
        var store = TestStores.Create(handler);

        await store.HybridSearchAsync(new HybridQuery
        {
            Dense = new Dictionary<string, float[]> { ["text"] = [0f, 1f], ["image"] = [1f, 0f] },
            Lexical = new SparseVector([5, 9], [1.5f, 0.25f]),
            PrefetchLimit = 30,
            Limit = 4,
            Filter = new ProductFilter { Merchants = ["acme"] },
        });

        string filter = """{"must":[{"key":"merchant","match":{"any":["acme"]}}]}""";
        Assert.Equal(
            "{\"prefetch\":["
            + $"{{\"query\":[1,0],\"using\":\"image\",\"filter\":{filter},\"limit\":30}},"
            + $"{{\"query\":[0,1],\"using\":\"text\",\"filter\":{filter},\"limit\":30}},"
            + $"{{\"query\":{{\"indices\":[5,9],\"values\":[1.5,0.25]}},\"using\":\"lexical\",\"filter\":{filter},\"limit\":30}}],"
            + $"\"query\":{{\"fusion\":\"rrf\"}},\"filter\":{filter},\"limit\":4,\"with_payload\":true,\"with_vector\":false}}",
            handler.Requests.Single().Body);
    }

    [Fact]
    public async Task HybridSearch_FindsNothingWithoutSending_WhenTheOnlySearchIsAnEmptyLexicalVector()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Query([])));
        var store = TestStores.Create(handler);

        IReadOnlyList<SearchHit> hits = await store.HybridSearchAsync(new HybridQuery { Lexical = new SparseVector([], []) });

        Assert.Empty(hits);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task HybridSearch_RejectsAQueryWithNoSearchAtAll()
    {
        var store = TestStores.Create(new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Query([]))));

        await Assert.ThrowsAsync<ArgumentException>(() => store.HybridSearchAsync(new HybridQuery()));
    }

    [Fact]
    public async Task Search_RejectsTheSparseVectorName_WithoutSending()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Query([])));
        var store = TestStores.Create(handler);

        await Assert.ThrowsAsync<ArgumentException>(() => store.SearchAsync(new VectorQuery { Using = "lexical", Vector = [1f] }));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Scroll_ReturnsQdrantsNextPageOffset_AndSendsItBackForTheNextPage()
    {
        JsonObject mug = SentPoints.Of(QdrantTestData.MugPoint);
        string next = QdrantTestData.PointId("p-003");
        var handler = new ScriptedHandler((request, index, _) => Task.FromResult(CannedReplies.Ok(index == 1
            ? CannedReplies.Scroll([CannedReplies.RecordFrom(mug, withVector: false)], next)
            : CannedReplies.Scroll([], null))));
        var store = TestStores.Create(handler);

        ScrollPage first = await store.ScrollAsync(new ScrollRequest { Limit = 1 });
        ScrollPage last = await store.ScrollAsync(new ScrollRequest { Limit = 1, Offset = first.NextOffset });

        Assert.Equal("p-001", Assert.Single(first.Points).Product.Id);
        Assert.Equal(next, first.NextOffset);
        Assert.Null(last.NextOffset);
        Assert.Equal(next, (string)JsonNode.Parse(handler.Requests[1].Body!)!["offset"]!);
    }

    [Fact]
    public async Task Scroll_RejectsACursorThatIsNoPointId()
    {
        var store = TestStores.Create(new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Scroll([], null))));

        await Assert.ThrowsAsync<ArgumentException>(() => store.ScrollAsync(new ScrollRequest { Offset = "page-2" }));
    }

    [Fact]
    public async Task Count_AsksForAnExactCount()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Count(1234)));
        var store = TestStores.Create(handler);

        long count = await store.CountAsync();

        Assert.Equal(1234, count);
        Assert.Equal("""{"exact":true}""", handler.Requests.Single().Body);
    }

    [Fact]
    public async Task Get_ReturnsNull_WhenQdrantHasNoSuchPoint()
    {
        var store = TestStores.Create(new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Records([]))));

        Assert.Null(await store.GetAsync("missing"));
    }

    [Fact]
    public async Task Get_Fails_WhenThePointHoldsAnotherProduct()
    {
        JsonObject mug = SentPoints.Of(QdrantTestData.MugPoint);
        var store = TestStores.Create(new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Records([CannedReplies.RecordFrom(mug, withVector: false)]))));

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.GetAsync("p-003"));

        Assert.Contains("p-001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_SendsThePointIdsOfTheProducts_OnceEach()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Completed));
        var store = TestStores.Create(handler);

        await store.DeleteAsync(["p-001", "商品-42", "p-001"]);

        RecordedRequest request = handler.Requests.Single();
        Assert.Equal("/collections/products/points/delete?wait=true&ordering=weak", request.Uri.PathAndQuery);
        Assert.Equal($$"""{"points":["{{QdrantTestData.PointId("p-001")}}","{{QdrantTestData.PointId("商品-42")}}"]}""", request.Body);
    }

    [Fact]
    public async Task CreateSnapshot_ReturnsTheSnapshotName()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Snapshot));
        var store = TestStores.Create(handler);

        string name = await store.CreateSnapshotAsync();

        Assert.Equal("products-5012-2026-11-22-10-00-00.snapshot", name);
        Assert.Equal("/collections/products/snapshots?wait=true", handler.Requests.Single().Uri.PathAndQuery);
    }

    [Fact]
    public async Task GetStats_ReportsVectorsShardsReplicasAndTheCluster()
    {
        var handler = new ScriptedHandler(request => CannedReplies.Ok(request.Path switch
        {
            "/collections/products" => CannedReplies.CollectionInfo(dimension: 8, payloadIndexes: CannedReplies.DefaultIndexes, shards: 2, replicas: 2),
            "/collections/products/points/count" => CannedReplies.Count(3),
            "/cluster" => CannedReplies.ClusterEnabled,
            "/collections/products/cluster" => CannedReplies.CollectionCluster,
            _ => throw new InvalidOperationException(request.ToString()),
        }));
        var store = TestStores.Create(handler);

        StoreStats stats = await store.GetStatsAsync();

        Assert.Equal("qdrant", stats.Store);
        Assert.Equal(3, stats.Points);
        Assert.Equal(8, stats.DenseVectors["image"]);
        Assert.True(stats.HasLexicalVector);
        Assert.Equal("2", stats.Settings["shard_number"]);
        Assert.Equal("2", stats.Settings["replication_factor"]);
        Assert.Equal("enabled", stats.Settings["cluster.status"]);
        Assert.Equal("5012", stats.Settings["cluster.leader"]);
        Assert.Equal("0:Active(2 points)", stats.Settings["shards.local"]);
        Assert.Equal("1@7731:Active", stats.Settings["shards.remote"]);
        Assert.Equal("none", stats.Settings["lexical_modifier"]);
    }

    [Theory]
    [InlineData("null", "none")]
    [InlineData("""{"scalar":{"type":"int8","quantile":0.99,"always_ram":true}}""", "int8 (quantile 0.99, always in RAM)")]
    [InlineData("""{"binary":{"always_ram":true}}""", "binary")]
    public async Task GetStats_ReportsTheCollectionsQuantization(string quantizationJson, string expected)
    {
        var handler = new ScriptedHandler(request => request.Path switch
        {
            "/collections/products" => CannedReplies.Ok(CannedReplies.CollectionInfo(quantizationJson: quantizationJson)),
            "/collections/products/points/count" => CannedReplies.Ok(CannedReplies.Count(3)),
            _ => ScriptedHandler.Json(HttpStatusCode.Forbidden, CannedReplies.Error("Forbidden")),
        });
        var store = TestStores.Create(handler);

        StoreStats stats = await store.GetStatsAsync();

        Assert.Equal(expected, stats.Settings["quantization"]);
    }

    [Fact]
    public async Task GetStats_StillReportsTheCollection_WhenTheKeyMayNotReadTheCluster()
    {
        var handler = new ScriptedHandler(request => request.Path switch
        {
            "/collections/products" => CannedReplies.Ok(CannedReplies.CollectionInfo()),
            "/collections/products/points/count" => CannedReplies.Ok(CannedReplies.Count(3)),
            _ => ScriptedHandler.Json(HttpStatusCode.Forbidden, CannedReplies.Error("Forbidden: global access is required")),
        });
        var store = TestStores.Create(handler);

        StoreStats stats = await store.GetStatsAsync();

        Assert.Equal(3, stats.Points);
        Assert.Equal("Forbidden: global access is required", stats.Settings["cluster.error"]);
    }

    [Fact]
    public async Task EveryRequest_CarriesTheApiKeyHeader_WhenOneIsConfigured()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Count(0)));
        var store = TestStores.Create(handler, TestStores.Options(o => o.ApiKey = "k-123"));

        await store.CountAsync();

        Assert.Equal("k-123", handler.Requests.Single().Headers["api-key"]);
    }

    [Fact]
    public async Task Requests_GoBelowTheUrlsPath_WhenQdrantSitsBehindAProxyPrefix()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Count(0)));
        var store = TestStores.Create(handler, TestStores.Options(o => o.Url = "https://gateway.test/qdrant"));

        await store.CountAsync();

        Assert.Equal("https://gateway.test/qdrant/collections/products/points/count", handler.Requests.Single().Uri.ToString());
    }

    [Fact]
    public async Task DisposedStore_RefusesFurtherCalls()
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Count(0)));
        var store = TestStores.Create(handler);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CountAsync());
        Assert.Empty(handler.Requests);
    }

    private static string ProductJson(ProductPoint point) => JsonSerializer.Serialize(point.Product with { Extra = null }, CatalogJson.Options)
        + (point.Product.Extra?.ToJsonString() ?? string.Empty);
}
