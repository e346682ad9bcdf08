extern alias QdrantFake;

using M6Search.Indexing.Stores;
using M6Search.Indexing.Tests.Support;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;
using M6Search.Stores.Qdrant;
using Microsoft.Extensions.Configuration;
using QdrantFake::M6Search.Stores.QdrantFake;
using Fake = QdrantFake::Qdrant.Client.Grpc;

namespace M6Search.Indexing.Tests.Stores;

public sealed class ProductStoreFactoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task OpenAsync_OpensTheEmbeddedCollection_InTheNamedFolder()
    {
        await using OpenedStore opened = await ProductStoreFactory.OpenAsync(StoreSpec.Parse("embedded:" + _temp.Path), "shoes");

        EmbeddedProductVectorStore store = Assert.IsType<EmbeddedProductVectorStore>(opened.Store);
        Assert.Equal("shoes", store.Collection);
        Assert.StartsWith(_temp.Path, store.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_ConnectsAQdrantStore_ToTheCollection_WithoutContactingTheServer()
    {
        await using OpenedStore opened = await ProductStoreFactory.OpenAsync(StoreSpec.Parse("qdrant:http://127.0.0.1:1"), "items");

        Assert.IsType<QdrantProductStore>(opened.Store);
        Assert.Equal("items", opened.Store.Collection);
    }

    [Fact]
    public async Task OpenAsync_SendsTheClusterSettingsOfTheEnvironment_WhenItCreatesTheQdrantCollection()
    {
        await using FakeQdrantServer qdrant = await FakeQdrantServer.StartAsync(apiKey: "from-the-environment");
        IConfiguration environment = Environment(new()
        {
            ["M6__Qdrant__ShardNumber"] = "6",
            ["M6__Qdrant__ReplicationFactor"] = "2",
            ["M6__Qdrant__WriteConsistencyFactor"] = "2",
            ["M6__Qdrant__WriteOrdering"] = "Strong",
            ["M6__Qdrant__ApiKey"] = "from-the-environment",
        });

        await using (OpenedStore opened = await ProductStoreFactory.OpenAsync(
            StoreSpec.Parse("qdrant:" + qdrant.Url), "products_v2", environment, CancellationToken.None))
        {
            await opened.Store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));
        }

        Fake.CreateCollection create = qdrant.Fake.CallsOf("Collections/Create").Single().As<Fake.CreateCollection>();
        Assert.Equal("products_v2", create.CollectionName);
        Assert.Equal(6u, create.ShardNumber);
        Assert.Equal(2u, create.ReplicationFactor);
        Assert.Equal(2u, create.WriteConsistencyFactor);
        Assert.All(qdrant.Fake.CallsOf("Points/CreateFieldIndex"), call => Assert.Equal(Fake.WriteOrderingType.Strong, call.As<Fake.CreateFieldIndexCollection>().Ordering.Type));
        Assert.NotEmpty(qdrant.Fake.CallsOf("Points/CreateFieldIndex"));
    }

    [Fact]
    public void ResolveQdrantOptions_TakesEverySettingFromTheEnvironment_ButTheUrlAndCollectionFromTheCommandLine()
    {
        IConfiguration environment = Environment(new()
        {
            ["M6__Qdrant__Url"] = "http://elsewhere:6334",
            ["M6__Qdrant__Collection"] = "not-this-one",
            ["M6__Qdrant__ReplicationFactor"] = "3",
            ["M6__Qdrant__WriteOrdering"] = "medium",
            ["M6__Qdrant__Timeout"] = "00:01:00",
            ["M6__Qdrant__TotalTimeout"] = "00:05:00",
            ["M6__Qdrant__UpsertBatchSize"] = "64",
            ["M6__Qdrant__IndexedAttributeKeys__0"] = "color",
        });

        QdrantStoreOptions options = ProductStoreFactory.ResolveQdrantOptions(StoreSpec.Parse("qdrant:http://qdrant:6334"), "products_v1", environment);

        Assert.Equal("http://qdrant:6334", options.Url);
        Assert.Equal("products_v1", options.Collection);
        Assert.Equal(3, options.ReplicationFactor);
        Assert.Equal(QdrantWriteOrdering.Medium, options.WriteOrdering);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(5), options.TotalTimeout);
        Assert.Equal(64, options.UpsertBatchSize);
        Assert.Equal(["color"], options.IndexedAttributeKeys);
    }

    [Fact]
    public void ResolveQdrantOptions_NamesTheVariable_WhenAValueIsOutOfRange()
    {
        IConfiguration environment = Environment(new() { ["M6__Qdrant__ReplicationFactor"] = "0" });

        var error = Assert.Throws<ArgumentException>(() =>
            ProductStoreFactory.ResolveQdrantOptions(StoreSpec.Parse("qdrant:http://qdrant:6334"), "products", environment));

        Assert.Contains("M6__Qdrant__ReplicationFactor must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("M6:Qdrant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveQdrantOptions_NamesTheVariable_WhenAValueIsNotANumber()
    {
        IConfiguration environment = Environment(new() { ["M6__Qdrant__ShardNumber"] = "six" });

        var error = Assert.Throws<ArgumentException>(() =>
            ProductStoreFactory.ResolveQdrantOptions(StoreSpec.Parse("qdrant:http://qdrant:6334"), "products", environment));

        Assert.Contains("M6__Qdrant__ShardNumber", error.Message, StringComparison.Ordinal);
        Assert.Contains("six", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_RefusesAWriteConsistencyAboveTheReplicationFactor_NamingBothVariables()
    {
        IConfiguration environment = Environment(new() { ["M6__Qdrant__WriteConsistencyFactor"] = "3", ["M6__Qdrant__ReplicationFactor"] = "2" });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ProductStoreFactory.OpenAsync(
            StoreSpec.Parse("qdrant:http://qdrant:6334"), "products", environment, CancellationToken.None));

        Assert.Contains("M6__Qdrant__WriteConsistencyFactor (3) cannot exceed M6__Qdrant__ReplicationFactor (2)", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Variables as the process environment would hold them, read the way the factory reads the real one.</summary>
    private static IConfiguration Environment(Dictionary<string, string?> variables)
    {
        // The environment-variables provider turns "__" into ":"; an in-memory source with the same keys so mapped
        // stands in for the process environment, which tests must not change (they run in parallel).
        return new ConfigurationBuilder()
            .AddInMemoryCollection(variables.ToDictionary(pair => pair.Key.Replace("__", ":", StringComparison.Ordinal), pair => pair.Value))
            .Build();
    }
}
