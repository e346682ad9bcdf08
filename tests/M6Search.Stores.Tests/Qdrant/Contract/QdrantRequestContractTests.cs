using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant;
using M6Search.Stores.Tests.Qdrant.Fakes;

namespace M6Search.Stores.Tests.Qdrant.Contract;

/// <summary>
/// Every request the store sends, checked against Qdrant 1.19's OpenAPI document: the method and path exist, the query
/// parameters are the operation's own, and the body validates against the operation's request schema. Every hand-written
/// reply the store parsed is checked against the response schema too.
/// </summary>
public sealed class QdrantRequestContractTests
{
    public static TheoryData<string> Operations => new()
    {
        "EnsureCollection (new)",
        "EnsureCollection (new, int8)",
        "EnsureCollection (existing)",
        "Upsert",
        "Search",
        "HybridSearch",
        "Scroll",
        "Count",
        "Get",
        "Delete",
        "CreateSnapshot",
        "GetStats",
        "DeleteCollection",
        "SwitchAlias",
        "ListAliases",
        "ListAliasesOf",
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_SendsOnlyRequestsThatTheQdrantSpecAllows_AndParsesRepliesShapedByIt(string operation)
    {
        QdrantOpenApi spec = await QdrantOpenApi.GetAsync();
        var router = new ContractRouter(existing: !operation.StartsWith("EnsureCollection (new", StringComparison.Ordinal));
        var handler = new ScriptedHandler(router.Reply);
        QdrantStoreOptions options = TestStores.Options(o =>
        {
            o.ShardNumber = 2;
            o.ReplicationFactor = 2;
            o.WriteConsistencyFactor = 1;
            o.WriteOrdering = QdrantWriteOrdering.Strong;
            o.UpsertBatchSize = 2;
            o.ApiKey = "secret-key";
            o.IndexedAttributeKeys.Add("color");
            o.Quantization = operation.Contains("int8", StringComparison.Ordinal) ? QdrantQuantization.Int8 : QdrantQuantization.None;
        });
        QdrantProductStore store = TestStores.Create(handler, options);

        await RunAsync(store, operation);

        Assert.NotEmpty(handler.Requests);
        var problems = new List<string>();
        foreach (RecordedRequest request in handler.Requests)
        {
            problems.AddRange(spec.ValidateRequest(request).Select(error => $"{request}: {error}"));
            Assert.Equal("secret-key", request.Headers["api-key"]);
        }

        foreach ((string method, string template, int status, string body) in router.Replies)
        {
            problems.AddRange(spec.ValidateResponse(method, template, status, body).Select(error => $"reply to {method} {template}: {error}"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task EnsureCollection_CreatesNamedCosineVectorsAndTheLexicalVectorWithoutIdf_WithTheClusterSettings()
    {
        var router = new ContractRouter(existing: false);
        var handler = new ScriptedHandler(router.Reply);
        QdrantProductStore store = TestStores.Create(handler, TestStores.Options(o =>
        {
            o.ShardNumber = 3;
            o.ReplicationFactor = 2;
            o.WriteConsistencyFactor = 2;
        }));

        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));

        RecordedRequest create = Assert.Single(handler.Requests, r => r.Method == HttpMethod.Put && r.Path == "/collections/products");
        JsonNode body = JsonNode.Parse(create.Body!)!;
        Assert.Equal(
            """{"image":{"size":4,"distance":"Cosine"},"text":{"size":4,"distance":"Cosine"}}""",
            body["vectors"]!.ToJsonString());
        Assert.Equal("""{"lexical":{"modifier":"none"}}""", body["sparse_vectors"]!.ToJsonString());
        Assert.Equal(3, (int)body["shard_number"]!);
        Assert.Equal(2, (int)body["replication_factor"]!);
        Assert.Equal(2, (int)body["write_consistency_factor"]!);
    }

    [Fact]
    public async Task EnsureCollection_WithInt8_AsksForScalarInt8CodesInRam_AndTheOriginalsOnDisk()
    {
        var router = new ContractRouter(existing: false);
        var handler = new ScriptedHandler(router.Reply);
        QdrantProductStore store = TestStores.Create(handler, TestStores.Options(o => o.Quantization = QdrantQuantization.Int8));

        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));

        JsonNode body = JsonNode.Parse(Assert.Single(handler.Requests, r => r.Method == HttpMethod.Put && r.Path == "/collections/products").Body!)!;
        Assert.Equal("""{"scalar":{"type":"int8","quantile":0.99,"always_ram":true}}""", body["quantization_config"]!.ToJsonString());
        Assert.Equal(
            """{"image":{"size":4,"distance":"Cosine","on_disk":true},"text":{"size":4,"distance":"Cosine","on_disk":true}}""",
            body["vectors"]!.ToJsonString());
    }

    [Fact]
    public async Task EnsureCollection_WithoutQuantization_SendsNoQuantizationConfig()
    {
        var router = new ContractRouter(existing: false);
        var handler = new ScriptedHandler(router.Reply);
        QdrantProductStore store = TestStores.Create(handler);

        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));

        JsonNode body = JsonNode.Parse(Assert.Single(handler.Requests, r => r.Method == HttpMethod.Put && r.Path == "/collections/products").Body!)!;
        Assert.Null(body["quantization_config"]);
    }

    [Fact]
    public async Task EnsureCollection_IndexesTheFilteredPayloadFields_WithTheirTypes()
    {
        var router = new ContractRouter(existing: false);
        var handler = new ScriptedHandler(router.Reply);
        QdrantProductStore store = TestStores.Create(handler, TestStores.Options(o => o.IndexedAttributeKeys.Add("color")));

        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));

        string[] indexes = handler.Requests
            .Where(r => r.Path == "/collections/products/index")
            .Select(r => JsonNode.Parse(r.Body!)!)
            .Select(b => $"{(string)b["field_name"]!}:{(string)b["field_schema"]!}")
            .ToArray();
        Assert.Equal(
            ["category:keyword", "merchant:keyword", "lang:keyword", "currency:keyword", "price:float", "attributes.color:keyword"],
            indexes);
        Assert.All(handler.Requests.Where(r => r.Path == "/collections/products/index"), r => Assert.Equal("?wait=true&ordering=weak", r.Uri.Query));
    }

    [Fact]
    public async Task SwitchAlias_DeletesThenCreatesTheAlias_InOneRequest()
    {
        var router = new ContractRouter(existing: true);
        var handler = new ScriptedHandler(router.Reply);
        QdrantProductStore store = TestStores.Create(handler);

        await store.SwitchAliasAsync("products", "products_v2");

        RecordedRequest request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/collections/aliases", request.Path);
        Assert.Equal(
            """{"actions":[{"delete_alias":{"alias_name":"products"}},{"create_alias":{"collection_name":"products_v2","alias_name":"products"}}]}""",
            request.Body);
    }

    [Fact]
    public async Task ListAliases_ReturnsEveryAliasWithItsCollection_OrderedByAlias()
    {
        var router = new ContractRouter(existing: true);
        QdrantProductStore store = TestStores.Create(new ScriptedHandler(router.Reply));

        IReadOnlyList<CollectionAlias> aliases = await store.ListAliasesAsync();

        Assert.Equal([new CollectionAlias("products_live", "products"), new CollectionAlias("shoes", "shoes_v3")], aliases);
    }

    private static async Task RunAsync(QdrantProductStore store, string operation)
    {
        var filter = new ProductFilter
        {
            Categories = ["kitchen", "kitchen", "厨房"],
            Merchants = ["acme"],
            MinPrice = 5,
            MaxPrice = 100.5,
            Keywords = new Dictionary<string, string> { ["lang"] = "en", ["attributes.color"] = "blue" },
        };
        switch (operation)
        {
            case "EnsureCollection (new)":
            case "EnsureCollection (new, int8)":
            case "EnsureCollection (existing)":
                await store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));
                break;
            case "Upsert":
                await store.UpsertAsync([QdrantTestData.MugPoint, QdrantTestData.ChinesePoint, QdrantTestData.BarePoint]);
                break;
            case "Search":
                await store.SearchAsync(new VectorQuery
                {
                    Using = CollectionSchema.ImageVector,
                    Vector = [0.5f, 0.5f, 0.5f, 0.5f],
                    Limit = 5,
                    Offset = 5,
                    Filter = filter,
                    ScoreThreshold = 0.25f,
                    WithVectors = true,
                });
                break;
            case "HybridSearch":
                await store.HybridSearchAsync(new HybridQuery
                {
                    Dense = new Dictionary<string, float[]>
                    {
                        [CollectionSchema.ImageVector] = [0.5f, 0.5f, 0.5f, 0.5f],
                        [CollectionSchema.TextVector] = [0.6f, 0.8f, 0f, 0f],
                    },
                    Lexical = new SparseVector([3, 17], [1f, 0.5f]),
                    PrefetchLimit = 50,
                    Limit = 10,
                    Offset = 10,
                    Filter = filter,
                });
                break;
            case "Scroll":
                ScrollPage page = await store.ScrollAsync(new ScrollRequest { Filter = filter, Limit = 2, WithVectors = true });
                await store.ScrollAsync(new ScrollRequest { Limit = 2, Offset = page.NextOffset });
                break;
            case "Count":
                await store.CountAsync(filter);
                await store.CountAsync();
                break;
            case "Get":
                await store.GetAsync(QdrantTestData.Mug.Id, withVectors: true);
                break;
            case "Delete":
                await store.DeleteAsync([QdrantTestData.Mug.Id, QdrantTestData.ChineseCup.Id, QdrantTestData.Bare.Id]);
                break;
            case "CreateSnapshot":
                await store.CreateSnapshotAsync();
                break;
            case "GetStats":
                await store.GetStatsAsync();
                break;
            case "DeleteCollection":
                await store.DeleteCollectionAsync();
                break;
            case "SwitchAlias":
                await store.SwitchAliasAsync("products_live", "products");
                break;
            case "ListAliases":
                await store.ListAliasesAsync();
                break;
            case "ListAliasesOf":
                await store.ListAliasesOfAsync("products");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }
    }

    /// <summary>Answers each REST call with its canned reply and keeps every reply for the response-schema check.</summary>
    private sealed class ContractRouter(bool existing)
    {
        private readonly JsonObject[] _stored =
        [
            SentPoints.Of(QdrantTestData.MugPoint),
            SentPoints.Of(QdrantTestData.ChinesePoint),
            SentPoints.Of(QdrantTestData.BarePoint),
        ];

        private readonly ConcurrentQueue<(string Method, string Template, int Status, string Body)> _replies = new();

        public IReadOnlyList<(string Method, string Template, int Status, string Body)> Replies => _replies.ToArray();

        public HttpResponseMessage Reply(RecordedRequest request)
        {
            string points = "/collections/{collection_name}/points";
            JsonObject[] stored = _stored;
            (string template, string body) = (request.Method.Method, request.Path) switch
            {
                ("GET", "/collections/products/exists") => ("/collections/{collection_name}/exists", existing ? CannedReplies.Exists : CannedReplies.DoesNotExist),
                ("PUT", "/collections/products") => ("/collections/{collection_name}", CannedReplies.Created),
                ("DELETE", "/collections/products") => ("/collections/{collection_name}", CannedReplies.Created),
                ("GET", "/collections/products") => ("/collections/{collection_name}", CannedReplies.CollectionInfo(
                    payloadIndexes: existing ? CannedReplies.DefaultIndexes : null)),
                ("PUT", "/collections/products/index") => ("/collections/{collection_name}/index", CannedReplies.Completed),
                ("PUT", "/collections/products/points") => (points, CannedReplies.Completed),
                ("POST", "/collections/products/points/delete") => (points + "/delete", CannedReplies.Completed),
                ("POST", "/collections/products/points") => (points, CannedReplies.Records([CannedReplies.RecordFrom(stored[0], withVector: true)])),
                ("POST", "/collections/products/points/count") => (points + "/count", CannedReplies.Count(3)),
                ("POST", "/collections/products/points/scroll") => (points + "/scroll", CannedReplies.Scroll(
                    stored.Take(2).Select(p => CannedReplies.RecordFrom(p, withVector: true)),
                    (string)stored[2]["id"]!)),
                ("POST", "/collections/products/points/query") => (points + "/query", CannedReplies.Query(
                    stored.Select((p, i) => CannedReplies.RecordFrom(p, withVector: true, score: 0.9f - (0.1f * i))))),
                ("POST", "/collections/products/snapshots") => ("/collections/{collection_name}/snapshots", CannedReplies.Snapshot),
                ("GET", "/cluster") => ("/cluster", CannedReplies.ClusterEnabled),
                ("POST", "/collections/aliases") => ("/collections/aliases", CannedReplies.Created),
                ("GET", "/aliases") => ("/aliases", CannedReplies.Aliases(("products_live", "products"), ("shoes", "shoes_v3"))),
                ("GET", "/collections/products/aliases") => ("/collections/{collection_name}/aliases", CannedReplies.Aliases(("products_live", "products"))),
                ("GET", "/collections/products/cluster") => ("/collections/{collection_name}/cluster", CannedReplies.CollectionCluster),
                _ => throw new InvalidOperationException($"No canned reply for {request}."),
            };
            _replies.Enqueue((request.Method.Method, template, 200, body));
            return CannedReplies.Ok(body);
        }
    }
}
