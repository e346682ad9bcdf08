using System.Text.Json;
using System.Text.Json.Nodes;
using M6Search.Catalog.Products;
using M6Search.Catalog.Serialization;
using M6Search.Stores.Abstractions;
using static M6Search.Stores.Tests.Conformance.ConformanceData;

namespace M6Search.Stores.Tests.Conformance;

/// <summary>
/// The behaviour every <see cref="IProductVectorStore"/> must have. A store implementation subclasses this suite and
/// provides the hooks; every test runs against it. Collections use <see cref="Schema"/> (dimension 8); the suite calls
/// <see cref="IProductVectorStore.EnsureCollectionAsync"/> itself, and always disposes a store before reopening it.
/// </summary>
public abstract partial class VectorStoreConformanceTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    /// <summary>The schema of every collection the suite creates.</summary>
    protected static CollectionSchema Schema { get; } = CollectionSchema.ForProducts(Dimension);

    /// <summary>Cancelled when a test runs for more than two minutes.</summary>
    protected CancellationToken Timeout => _timeout.Token;

    /// <summary>Skips the test (Xunit.SkippableFact: Skip.If / Skip.IfNot) when the store is not available (e.g. no QDRANT_URL).</summary>
    protected virtual void SkipIfUnavailable()
    {
    }

    /// <summary>A store on a fresh, empty collection with this unique name (dimension small, e.g. 8).</summary>
    protected abstract Task<IProductVectorStore> CreateStoreAsync(string collection, CancellationToken cancellationToken);

    /// <summary>A NEW store instance on an existing collection (a restart / another client).</summary>
    protected abstract Task<IProductVectorStore> ReopenStoreAsync(string collection, CancellationToken cancellationToken);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timeout.Dispose();
        }
    }

    [SkippableFact]
    public async Task EnsureCollection_Succeeds_WhenCalledAgainWithTheSameSchema()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();

        await store.EnsureCollectionAsync(Schema, Timeout);
        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(Dimension), Timeout);

        Assert.Equal(0, await store.CountAsync(null, Timeout));
    }

    [SkippableFact]
    public async Task EnsureCollection_ThrowsVectorStoreException_WhenTheSchemaDiffers()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();

        VectorStoreException wrongDimension = await Assert.ThrowsAsync<VectorStoreException>(
            () => store.EnsureCollectionAsync(CollectionSchema.ForProducts(Dimension * 2), Timeout));
        VectorStoreException noLexical = await Assert.ThrowsAsync<VectorStoreException>(
            () => store.EnsureCollectionAsync(Schema with { HasLexicalVector = false }, Timeout));

        Assert.Equal(store.Collection, wrongDimension.Collection);
        Assert.Equal(store.Collection, noLexical.Collection);
    }

    [SkippableFact]
    public async Task Upsert_ThenGet_RoundTripsPayloadVectorsLexicalVectorAndContentHash()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        var random = new Random(7);
        var product = new Product
        {
            Id = "rt-1",
            Title = "陶瓷咖啡杯 凹凸纹理 350毫升",
            Image = "images/rt-1.jpg",
            Price = 59.9,
            Currency = "CNY",
            Category = "mugs",
            Merchant = "陶艺坊",
            Lang = "zh",
            Description = "手工制作, dishwasher safe",
            Attributes = new JsonObject { ["color"] = "white", ["sizes"] = new JsonArray("S", "M"), ["capacityMl"] = 350, ["dishwasherSafe"] = true },
            Extra = new JsonObject { ["sku"] = "CUP-350", ["tags"] = new JsonArray("handmade", "ceramic") },
        };
        float[] image = RandomUnit(random);
        float[] text = RandomUnit(random);
        var lexical = new SparseVector([3, 17, 42], [0.5f, 1.25f, 2f]);

        await store.UpsertAsync([Point(product, image, text, lexical, "sha256:0f1e2d")], Timeout);
        ProductPoint? withVectors = await store.GetAsync("rt-1", withVectors: true, Timeout);
        ProductPoint? withoutVectors = await store.GetAsync("rt-1", withVectors: false, Timeout);

        Assert.NotNull(withVectors);
        AssertSameProduct(product, withVectors.Product);
        Assert.Equal("sha256:0f1e2d", withVectors.ContentHash);
        AssertClose(image, withVectors.Vectors[CollectionSchema.ImageVector]);
        AssertClose(text, withVectors.Vectors[CollectionSchema.TextVector]);
        Assert.NotNull(withVectors.Lexical);
        Assert.Equal(lexical.Indices, withVectors.Lexical.Indices);
        Assert.Equal(lexical.Values, withVectors.Lexical.Values);

        Assert.NotNull(withoutVectors);
        AssertSameProduct(product, withoutVectors.Product);
        Assert.Equal("sha256:0f1e2d", withoutVectors.ContentHash);
        Assert.Empty(withoutVectors.Vectors);
        Assert.Null(withoutVectors.Lexical);
    }

    [SkippableFact]
    public async Task Get_ReturnsNull_WhenTheProductWasNeverStored()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        await store.UpsertAsync([Point(Product("stored"), Axis(0), Axis(1))], Timeout);

        Assert.Null(await store.GetAsync("never-stored", withVectors: false, Timeout));
    }

    [SkippableFact]
    public async Task Upsert_ReplacesThePoint_WhenTheSameProductIsUpsertedAgain()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();

        await store.UpsertAsync([Point(Product("r-1", "old title", category: "old"), Axis(0), Axis(0))], Timeout);
        await store.UpsertAsync([Point(Product("r-1", "new title", category: "new"), Axis(1), Axis(1)), Point(Product("r-2"), Axis(2), Axis(2))], Timeout);

        Assert.Equal(2, await store.CountAsync(null, Timeout));
        Assert.Equal("new title", (await store.GetAsync("r-1", withVectors: false, Timeout))!.Product.Title);
        Assert.Equal(0, await store.CountAsync(new ProductFilter { Categories = ["old"] }, Timeout));
        Assert.Equal(1, await store.CountAsync(new ProductFilter { Categories = ["new"] }, Timeout));
        IReadOnlyList<SearchHit> hits = await store.SearchAsync(new VectorQuery { Using = CollectionSchema.ImageVector, Vector = Axis(1), Limit = 1 }, Timeout);
        Assert.Equal("r-1", Assert.Single(hits).Point.Product.Id);
        Assert.Equal(1f, hits[0].Score, 1e-4f);
    }

    [SkippableFact]
    public async Task Delete_RemovesThePoints_AndIgnoresIdsThatAreNotStored()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        await store.UpsertAsync([Point(Product("d-1"), Axis(0), Axis(0)), Point(Product("d-2"), Axis(1), Axis(1)), Point(Product("d-3"), Axis(2), Axis(2))], Timeout);

        await store.DeleteAsync(["d-1", "never-stored"], Timeout);

        Assert.Equal(2, await store.CountAsync(null, Timeout));
        Assert.Null(await store.GetAsync("d-1", withVectors: false, Timeout));
        IReadOnlyList<SearchHit> hits = await store.SearchAsync(new VectorQuery { Using = CollectionSchema.ImageVector, Vector = Axis(0), Limit = 10 }, Timeout);
        Assert.DoesNotContain(hits, hit => hit.Point.Product.Id == "d-1");
        Assert.Equal(2, hits.Count);
    }

    [SkippableFact]
    public async Task Count_MatchesTheReference_ForEveryFilterKind()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        IReadOnlyList<Product> catalog = FilterCatalog();
        var random = new Random(11);
        await store.UpsertAsync(catalog.Select(product => Point(product, RandomUnit(random), RandomUnit(random))).ToList(), Timeout);

        foreach ((string name, ProductFilter filter, int expected) in FilterCases())
        {
            Assert.Equal(expected, catalog.Count(product => Matches(filter, product)));
            Assert.True(expected == await store.CountAsync(filter, Timeout), $"count for filter '{name}'");
        }

        Assert.Equal(catalog.Count, await store.CountAsync(null, Timeout));
    }

    [SkippableFact]
    public async Task Scroll_ReturnsEveryPointExactlyOnce_AcrossPages()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        var random = new Random(3);
        List<ProductPoint> points = Enumerable.Range(0, 23)
            .Select(i => Point(Product($"s-{i:D2}", category: i % 2 == 0 ? "even" : "odd"), RandomUnit(random), RandomUnit(random)))
            .ToList();
        await store.UpsertAsync(points, Timeout);

        (List<string> all, int pages) = await ScrollAllAsync(store, new ScrollRequest { Limit = 5 });
        (List<string> even, _) = await ScrollAllAsync(store, new ScrollRequest { Limit = 4, Filter = new ProductFilter { Categories = ["even"] } });
        (List<string> single, int singlePages) = await ScrollAllAsync(store, new ScrollRequest { Limit = 100 });

        Assert.Equal(points.Select(point => point.Product.Id).Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.Equal(5, pages);
        Assert.Equal(Enumerable.Range(0, 23).Where(i => i % 2 == 0).Select(i => $"s-{i:D2}"), even.Order(StringComparer.Ordinal));
        Assert.Equal(23, single.Distinct().Count());
        Assert.Equal(1, singlePages);
    }

    [SkippableFact]
    public async Task CreateSnapshot_ReturnsWhereTheSnapshotLies()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        await store.UpsertAsync(HandMadePoints(), Timeout);

        string snapshot = await store.CreateSnapshotAsync(Timeout);

        Assert.False(string.IsNullOrWhiteSpace(snapshot));
    }

    [SkippableFact]
    public async Task Points_SurviveReopeningTheStore()
    {
        SkipIfUnavailable();
        string collection;
        var random = new Random(19);
        List<ProductPoint> points = FilterCatalog().Select(product => Point(product, RandomUnit(random), RandomUnit(random))).ToList();
        await using (IProductVectorStore first = await NewStoreAsync())
        {
            collection = first.Collection;
            await first.UpsertAsync(points, Timeout);
            await first.DeleteAsync(["p6"], Timeout);
        }

        await using IProductVectorStore reopened = await ReopenStoreAsync(collection, Timeout);
        await reopened.EnsureCollectionAsync(Schema, Timeout);

        Assert.Equal(5, await reopened.CountAsync(null, Timeout));
        Assert.Null(await reopened.GetAsync("p6", withVectors: false, Timeout));
        ProductPoint? p2 = await reopened.GetAsync("p2", withVectors: true, Timeout);
        AssertSameProduct(points[1].Product, p2!.Product);
        AssertClose(points[1].Vectors[CollectionSchema.ImageVector], p2.Vectors[CollectionSchema.ImageVector]);
        IReadOnlyList<SearchHit> hits = await reopened.SearchAsync(
            new VectorQuery { Using = CollectionSchema.ImageVector, Vector = points[2].Vectors[CollectionSchema.ImageVector], Limit = 1 }, Timeout);
        Assert.Equal("p3", hits[0].Point.Product.Id);
        Assert.Equal(2, await reopened.CountAsync(new ProductFilter { Keywords = new Dictionary<string, string> { ["attributes.color"] = "red" } }, Timeout));
        await Assert.ThrowsAsync<VectorStoreException>(() => reopened.EnsureCollectionAsync(CollectionSchema.ForProducts(Dimension + 1), Timeout));
    }

    [SkippableFact]
    public async Task Stats_ReportThePointsAndTheSchema()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        await store.UpsertAsync(HandMadePoints(), Timeout);

        StoreStats stats = await store.GetStatsAsync(Timeout);

        Assert.Equal(store.Collection, stats.Collection);
        Assert.Equal(5, stats.Points);
        Assert.Equal(Dimension, stats.DenseVectors[CollectionSchema.ImageVector]);
        Assert.Equal(Dimension, stats.DenseVectors[CollectionSchema.TextVector]);
        Assert.True(stats.HasLexicalVector);
        Assert.False(string.IsNullOrEmpty(stats.Store));
    }

    [SkippableFact]
    public async Task Upsert_RejectsTheWholeBatch_WhenAVectorHasTheWrongDimension()
    {
        SkipIfUnavailable();
        await using IProductVectorStore store = await NewStoreAsync();
        ProductPoint good = Point(Product("good"), Axis(0), Axis(0));
        var bad = new ProductPoint { Product = Product("bad"), Vectors = new Dictionary<string, float[]> { [CollectionSchema.ImageVector] = [1f, 0f, 0f] } };

        VectorStoreException error = await Assert.ThrowsAsync<VectorStoreException>(() => store.UpsertAsync([good, bad], Timeout));

        Assert.Equal(store.Collection, error.Collection);
        Assert.Equal(0, await store.CountAsync(null, Timeout));
    }

    /// <summary>A fresh collection name that every store accepts.</summary>
    protected static string NewCollectionName() => "m6conf_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// Five points whose rankings are known: image cosines to axis 0 are A 1, B 0.894, C 0.707, D 0.447, E 0; text
    /// cosines to axis 3 are B 1, D 0.894, A 0.707, C 0.447, E 0; lexical vectors B {10: 2, 20: 1}, C {20: 1}, A {30: 1},
    /// D {40: 1}, E none. All but B are in category "kept".
    /// </summary>
    private static List<ProductPoint> HandMadePoints() =>
    [
        Point(Product("A", category: "kept"), Axis(0), Blend(3, 4, 1f), new SparseVector([30], [1f])),
        Point(Product("B", category: "dropped"), Blend(0, 1, 0.5f), Axis(3), new SparseVector([10, 20], [2f, 1f])),
        Point(Product("C", category: "kept"), Blend(0, 1, 1f), Blend(3, 4, 2f), new SparseVector([20], [1f])),
        Point(Product("D", category: "kept"), Blend(0, 1, 2f), Blend(3, 4, 0.5f), new SparseVector([40], [1f])),
        Point(Product("E", category: "kept"), Axis(2), Axis(5)),
    ];

    private static HybridQuery HandMadeQuery() => new()
    {
        Dense = new Dictionary<string, float[]> { [CollectionSchema.ImageVector] = Axis(0), [CollectionSchema.TextVector] = Axis(3) },
        Lexical = new SparseVector([10, 20], [1f, 1f]),
        PrefetchLimit = 3,
        Limit = 10,
    };

    private static IEnumerable<(string Name, ProductFilter Filter, int Expected)> FilterCases() =>
    [
        ("one category", new ProductFilter { Categories = ["mugs"] }, 2),
        ("two categories", new ProductFilter { Categories = ["mugs", "plates"] }, 4),
        ("merchant", new ProductFilter { Merchants = ["m-a"] }, 3),
        ("min price (inclusive)", new ProductFilter { MinPrice = 10 }, 4),
        ("max price (inclusive)", new ProductFilter { MaxPrice = 25 }, 3),
        ("price range", new ProductFilter { MinPrice = 10, MaxPrice = 40 }, 3),
        ("lang", new ProductFilter { Keywords = new Dictionary<string, string> { ["lang"] = "zh" } }, 2),
        ("currency", new ProductFilter { Keywords = new Dictionary<string, string> { ["currency"] = "USD" } }, 3),
        ("attribute", new ProductFilter { Keywords = new Dictionary<string, string> { ["attributes.color"] = "red" } }, 2),
        ("attribute array element", new ProductFilter { Keywords = new Dictionary<string, string> { ["attributes.color"] = "white" } }, 1),
        ("id", new ProductFilter { Keywords = new Dictionary<string, string> { ["id"] = "p4" } }, 1),
        ("combined", new ProductFilter
        {
            Categories = ["mugs", "plates"],
            MaxPrice = 30,
            Keywords = new Dictionary<string, string> { ["attributes.color"] = "red" },
        }, 1),
        ("unknown category", new ProductFilter { Categories = ["nothing"] }, 0),
        ("unknown attribute", new ProductFilter { Keywords = new Dictionary<string, string> { ["attributes.shape"] = "round" } }, 0),
    ];

    private static IEnumerable<(string Id, double Score)> BruteForce(IEnumerable<ProductPoint> points, string vectorName, float[] query) =>
        points
            .Where(point => point.Vectors.ContainsKey(vectorName))
            .Select(point => (point.Product.Id, Score: Cosine(point.Vectors[vectorName], query)))
            .OrderByDescending(hit => hit.Score);

    private async Task<(List<string> Ids, int Pages)> ScrollAllAsync(IProductVectorStore store, ScrollRequest first)
    {
        var ids = new List<string>();
        int pages = 0;
        ScrollRequest request = first;
        while (true)
        {
            ScrollPage page = await store.ScrollAsync(request, Timeout);
            pages++;
            Assert.True(page.Points.Count <= request.Limit);
            ids.AddRange(page.Points.Select(point => point.Product.Id));
            if (page.NextOffset is null)
            {
                break;
            }

            Assert.True(pages < 100, "scroll does not end");
            request = request with { Offset = page.NextOffset };
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
        return (ids, pages);
    }

    private async Task<IProductVectorStore> NewStoreAsync()
    {
        IProductVectorStore store = await CreateStoreAsync(NewCollectionName(), Timeout);
        await store.EnsureCollectionAsync(Schema, Timeout);
        return store;
    }

    private static void AssertSameProduct(Product expected, Product actual)
    {
        // Extra fields are compared on their own: System.Text.Json cannot write a JsonObject extension data property
        // (dotnet/runtime issue 97225), so the product is serialised without them.
        JsonNode? expectedJson = JsonSerializer.SerializeToNode(expected with { Extra = null }, CatalogJson.Options);
        JsonNode? actualJson = JsonSerializer.SerializeToNode(actual with { Extra = null }, CatalogJson.Options);
        Assert.True(JsonNode.DeepEquals(expectedJson, actualJson), $"expected {expectedJson?.ToJsonString()}, got {actualJson?.ToJsonString()}");
        Assert.True(
            JsonNode.DeepEquals(expected.Extra, actual.Extra),
            $"expected extra fields {expected.Extra?.ToJsonString()}, got {actual.Extra?.ToJsonString()}");
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5f);
        }
    }
}
