extern alias QdrantFake;

using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant;
using M6Search.Stores.Tests.Qdrant.Fakes;
using QdrantFake::M6Search.Stores.QdrantFake;
using Fake = QdrantFake::Qdrant.Client.Grpc;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>What the store sends for searches, counts and scrolls, as the fake Qdrant received it over gRPC.</summary>
public sealed class QdrantQueryRequestTests : IAsyncLifetime
{
    private FakeQdrantServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeQdrantServer.StartAsync();
        FakeSeed.Add(_server, FakeSeed.ProductCollection(4));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Search_SendsTheVectorNameThresholdPageAndFilter_AsQdrantConditions()
    {
        await using QdrantProductStore store = TestStores.Create(_server);

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
                Keywords = new Dictionary<string, string> { ["lang"] = "en", ["attributes.color"] = "blue" },
            },
        });

        Fake.QueryPoints request = _server.Fake.CallsOf("Points/Query").Single().As<Fake.QueryPoints>();
        Assert.Equal("products", request.CollectionName);
        Assert.Equal([0.6f, 0.8f, 0f, 0f], request.Query.Nearest.Dense.Data);
        Assert.Equal("text", request.Using);
        Assert.Equal(0.3f, request.ScoreThreshold);
        Assert.Equal(7ul, request.Limit);
        Assert.Equal(14ul, request.Offset);
        Assert.True(request.WithPayload.Enable);
        Assert.False(request.WithVectors.Enable);
        Assert.Empty(request.Prefetch);
        Fake.FieldCondition[] must = request.Filter.Must.Select(condition => condition.Field).ToArray();
        Assert.Equal(["category", "price", "attributes.color", "lang"], must.Select(field => field.Key));
        Assert.Equal(["kitchen", "厨房"], must[0].Match.Keywords.Strings);
        Assert.False(must[1].Range.HasGte);
        Assert.Equal(20, must[1].Range.Lte);
        Assert.Equal("blue", must[2].Match.Keyword);
        Assert.Equal("en", must[3].Match.Keyword);
        Assert.Empty(request.Filter.Should);
        Assert.Empty(request.Filter.MustNot);
    }

    [Fact]
    public async Task Search_SendsAnEmptyCategoryList_AsAMatchOnNoKeyword()
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        await store.CountAsync(new ProductFilter { Merchants = [], MinPrice = 5 });

        Fake.CountPoints request = _server.Fake.CallsOf("Points/Count").Single().As<Fake.CountPoints>();
        Assert.True(request.Exact);
        Assert.Equal("merchant", request.Filter.Must[0].Field.Key);
        Assert.Equal(Fake.Match.MatchValueOneofCase.Keywords, request.Filter.Must[0].Field.Match.MatchValueCase);
        Assert.Empty(request.Filter.Must[0].Field.Match.Keywords.Strings);
        Assert.Equal(5, request.Filter.Must[1].Field.Range.Gte);
    }

    [Fact]
    public async Task HybridSearch_PrefetchesEachDenseVectorAndTheLexicalVector_UnderTheFilter_AndFusesWithRrfK()
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        await store.HybridSearchAsync(new HybridQuery
        {
            Dense = new Dictionary<string, float[]> { ["text"] = [0f, 1f, 0f, 0f], ["image"] = [1f, 0f, 0f, 0f] },
            Lexical = new SparseVector([5, 9], [1.5f, 0.25f]),
            PrefetchLimit = 30,
            Limit = 4,
            Offset = 2,
            Filter = new ProductFilter { Merchants = ["acme"] },
        });

        Fake.QueryPoints request = _server.Fake.CallsOf("Points/Query").Single().As<Fake.QueryPoints>();
        Assert.Equal(["image", "text", "lexical"], request.Prefetch.Select(prefetch => prefetch.Using));
        Assert.Equal([1f, 0f, 0f, 0f], request.Prefetch[0].Query.Nearest.Dense.Data);
        Assert.Equal([0f, 1f, 0f, 0f], request.Prefetch[1].Query.Nearest.Dense.Data);
        Assert.Equal([5u, 9u], request.Prefetch[2].Query.Nearest.Sparse.Indices);
        Assert.Equal([1.5f, 0.25f], request.Prefetch[2].Query.Nearest.Sparse.Values);
        Assert.All(request.Prefetch, prefetch =>
        {
            Assert.Equal(30ul, prefetch.Limit);
            Assert.Equal("acme", Assert.Single(Assert.Single(prefetch.Filter.Must).Field.Match.Keywords.Strings));
        });
        Assert.Equal(Fake.Query.VariantOneofCase.Rrf, request.Query.VariantCase);
        Assert.Equal((uint)HybridQuery.DefaultRrfK, request.Query.Rrf.K);
        Assert.Empty(request.Query.Rrf.Weights);
        Assert.Equal("acme", Assert.Single(Assert.Single(request.Filter.Must).Field.Match.Keywords.Strings));
        Assert.Equal(4ul, request.Limit);
        Assert.Equal(2ul, request.Offset);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    public async Task HybridSearch_SendsTheQuerysRrfK_AsQdrantsRrfK(int k)
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        await store.HybridSearchAsync(new HybridQuery { Dense = new Dictionary<string, float[]> { ["image"] = [1f, 0f, 0f, 0f] }, RrfK = k });

        Fake.QueryPoints request = _server.Fake.CallsOf("Points/Query").Single().As<Fake.QueryPoints>();
        Assert.Equal((uint)k, request.Query.Rrf.K);
    }

    [Fact]
    public async Task HybridSearch_FindsNothingWithoutSending_WhenTheOnlySearchIsAnEmptyLexicalVector()
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        IReadOnlyList<SearchHit> hits = await store.HybridSearchAsync(new HybridQuery { Lexical = new SparseVector([], []) });

        Assert.Empty(hits);
        Assert.Empty(_server.Fake.Calls);
    }

    [Fact]
    public async Task HybridSearch_SendsOneWeightPerPrefetch_InTheQuerysFusionOrder()
    {
        await using QdrantProductStore store = TestStores.Create(_server);
        var query = new HybridQuery
        {
            Dense = new Dictionary<string, float[]> { ["text"] = [0f, 1f, 0f, 0f], ["image"] = [1f, 0f, 0f, 0f] },
            Lexical = new SparseVector([5], [1f]),
            RrfK = 7,
            Weights = new Dictionary<string, float> { ["lexical"] = 0.5f, ["image"] = 3f },
        };

        await store.HybridSearchAsync(query);

        Fake.QueryPoints request = _server.Fake.CallsOf("Points/Query").Single().As<Fake.QueryPoints>();
        Assert.Equal(query.FusionOrder(), request.Prefetch.Select(prefetch => prefetch.Using));
        Assert.Equal(query.FusionOrder().Select(query.WeightOf), request.Query.Rrf.Weights);
        Assert.Equal([3f, 1f, 0.5f], request.Query.Rrf.Weights);
        Assert.Equal(7u, request.Query.Rrf.K);
    }

    [Fact]
    public async Task HybridSearch_LeavesOutTheWeightOfAnEmptyLexicalSearch_WithItsPrefetch()
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        await store.HybridSearchAsync(new HybridQuery
        {
            Dense = new Dictionary<string, float[]> { ["image"] = [1f, 0f, 0f, 0f] },
            Lexical = new SparseVector([], []),
            Weights = new Dictionary<string, float> { ["image"] = 2f, ["lexical"] = 4f },
        });

        Fake.QueryPoints request = _server.Fake.CallsOf("Points/Query").Single().As<Fake.QueryPoints>();
        Assert.Equal(["image"], request.Prefetch.Select(prefetch => prefetch.Using));
        Assert.Equal([2f], request.Query.Rrf.Weights);
    }

    [Fact]
    public async Task HybridSearch_RejectsAQueryWithNoSearchAtAll_AnRrfKBelowOne_OrABadWeight_WithoutSending()
    {
        await using QdrantProductStore store = TestStores.Create(_server);
        var image = new Dictionary<string, float[]> { ["image"] = [1f, 0f, 0f, 0f] };

        await Assert.ThrowsAsync<ArgumentException>(() => store.HybridSearchAsync(new HybridQuery()));
        var k = await Assert.ThrowsAsync<VectorStoreException>(() => store.HybridSearchAsync(new HybridQuery { Dense = image, RrfK = 0 }));
        var negative = await Assert.ThrowsAsync<VectorStoreException>(() => store.HybridSearchAsync(
            new HybridQuery { Dense = image, Weights = new Dictionary<string, float> { ["image"] = -1f } }));
        var unknown = await Assert.ThrowsAsync<VectorStoreException>(() => store.HybridSearchAsync(
            new HybridQuery { Dense = image, Weights = new Dictionary<string, float> { ["lexical"] = 1f } }));

        Assert.All([k, negative, unknown], error => Assert.Equal("HybridSearch", error.Operation));
        Assert.Contains("'lexical', which the query does not search", unknown.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Fake.Calls);
    }

    [Fact]
    public async Task Search_RejectsTheSparseVectorName_WithoutSending()
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        await Assert.ThrowsAsync<ArgumentException>(() => store.SearchAsync(new VectorQuery { Using = "lexical", Vector = [1f] }));
        Assert.Empty(_server.Fake.Calls);
    }

    [Fact]
    public async Task Scroll_ReturnsQdrantsNextPageOffset_AndSendsItBackForTheNextPage()
    {
        await using QdrantProductStore store = TestStores.Create(_server);
        await store.UpsertAsync([QdrantTestData.MugPoint, QdrantTestData.ChinesePoint, QdrantTestData.BarePoint]);

        ScrollPage first = await store.ScrollAsync(new ScrollRequest { Limit = 2 });
        ScrollPage last = await store.ScrollAsync(new ScrollRequest { Limit = 2, Offset = first.NextOffset, WithVectors = true });

        Assert.Equal(2, first.Points.Count);
        Assert.NotNull(first.NextOffset);
        Assert.Null(last.NextOffset);
        Fake.ScrollPoints[] calls = _server.Fake.CallsOf("Points/Scroll").Select(call => call.As<Fake.ScrollPoints>()).ToArray();
        Assert.Null(calls[0].Offset);
        Assert.Equal(first.NextOffset, calls[1].Offset.Uuid);
        Assert.Equal(2u, calls[1].Limit);
        Assert.True(calls[1].WithVectors.Enable);
        Assert.Equal(3, first.Points.Concat(last.Points).Select(point => point.Product.Id).Distinct().Count());
    }

    [Fact]
    public async Task Scroll_RejectsACursorThatIsNoPointId()
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        await Assert.ThrowsAsync<ArgumentException>(() => store.ScrollAsync(new ScrollRequest { Offset = "page-2" }));
    }

    [Fact]
    public async Task Get_AsksForOnePointByItsUuid_WithPayload_AndVectorsOnlyWhenAsked()
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        Assert.Null(await store.GetAsync("missing"));
        Assert.Null(await store.GetAsync("missing", withVectors: true));

        Fake.GetPoints[] calls = _server.Fake.CallsOf("Points/Get").Select(call => call.As<Fake.GetPoints>()).ToArray();
        Assert.All(calls, call =>
        {
            Assert.Equal(QdrantTestData.PointId("missing"), Assert.Single(call.Ids).Uuid);
            Assert.True(call.WithPayload.Enable);
        });
        Assert.Equal([false, true], calls.Select(call => call.WithVectors.Enable));
    }
}
