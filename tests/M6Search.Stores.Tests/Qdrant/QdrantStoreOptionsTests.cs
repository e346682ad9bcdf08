extern alias QdrantFake;

using Grpc.Core;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant;
using QdrantFake::M6Search.Stores.QdrantFake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>Settings bound from "M6:Qdrant", their validation, and the DI registration.</summary>
public sealed class QdrantStoreOptionsTests
{
    [Fact]
    public void AddQdrantProductStore_BindsEverySettingFromTheM6QdrantSection()
    {
        using ServiceProvider provider = Provider(new Dictionary<string, string?>
        {
            ["M6:Qdrant:Url"] = "https://qdrant.internal:6334",
            ["M6:Qdrant:ApiKey"] = "k",
            ["M6:Qdrant:Collection"] = "shop_products",
            ["M6:Qdrant:ShardNumber"] = "6",
            ["M6:Qdrant:ReplicationFactor"] = "3",
            ["M6:Qdrant:WriteConsistencyFactor"] = "2",
            ["M6:Qdrant:WriteOrdering"] = "strong",
            ["M6:Qdrant:Quantization"] = "int8",
            ["M6:Qdrant:Timeout"] = "00:00:05",
            ["M6:Qdrant:TotalTimeout"] = "00:01:00",
            ["M6:Qdrant:MaxRetryAttempts"] = "6",
            ["M6:Qdrant:RetryBaseDelay"] = "00:00:00.250",
            ["M6:Qdrant:UpsertBatchSize"] = "500",
            ["M6:Qdrant:IndexedAttributeKeys:0"] = "color",
            ["M6:Qdrant:IndexedAttributeKeys:1"] = "material",
        });

        QdrantStoreOptions options = provider.GetRequiredService<IOptions<QdrantStoreOptions>>().Value;
        IProductVectorStore store = provider.GetRequiredService<IProductVectorStore>();

        Assert.IsType<QdrantProductStore>(store);
        Assert.Equal("shop_products", store.Collection);
        Assert.Equal("https://qdrant.internal:6334", options.Url);
        Assert.Equal("k", options.ApiKey);
        Assert.Equal(6, options.ShardNumber);
        Assert.Equal(3, options.ReplicationFactor);
        Assert.Equal(2, options.WriteConsistencyFactor);
        Assert.Equal(QdrantWriteOrdering.Strong, options.WriteOrdering);
        Assert.Equal(QdrantQuantization.Int8, options.Quantization);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(1), options.TotalTimeout);
        Assert.Equal(6, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.RetryBaseDelay);
        Assert.Equal(500, options.UpsertBatchSize);
        Assert.Equal(["color", "material"], options.IndexedAttributeKeys);
        Assert.Same(store, provider.GetRequiredService<QdrantProductStore>());
    }

    [Fact]
    public void Validate_NamesTheQuantizationSetting_WhenItIsNoneOfTheKnownKinds()
    {
        QdrantStoreOptions options = TestStores.Options(new Uri("http://localhost:6334"), o => o.Quantization = (QdrantQuantization)7);

        Assert.Contains("M6:Qdrant:Quantization must be none or int8.", options.Validate());
    }

    [Fact]
    public void AddQdrantProductStore_FailsOnUse_NamingTheMissingUrlSetting()
    {
        using ServiceProvider provider = Provider(new Dictionary<string, string?> { ["M6:Qdrant:Collection"] = "products" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IProductVectorStore>());

        Assert.Contains("M6:Qdrant:Url is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddQdrantProductStore_CallsThroughTheResiliencePipeline()
    {
        await using FakeQdrantServer server = await FakeQdrantServer.StartAsync();
        server.Fake.State.AddCollection(new QdrantFake::Qdrant.Client.Grpc.CreateCollection { CollectionName = "products" });
        server.Fake.Faults.FailNext("Points/Count", StatusCode.Unavailable, "Service unavailable");
        var services = new ServiceCollection();
        services.AddQdrantProductStore(Configuration(new Dictionary<string, string?>
        {
            ["M6:Qdrant:Url"] = server.Url.ToString(),
            ["M6:Qdrant:RetryBaseDelay"] = "00:00:00.001",
        }));
        await using ServiceProvider provider = services.BuildServiceProvider();

        long count = await provider.GetRequiredService<IProductVectorStore>().CountAsync();

        Assert.Equal(0, count);
        Assert.Equal(2, server.Fake.CallsOf("Points/Count").Count);
    }

    [Theory]
    [InlineData("Url", "ftp://qdrant", "M6:Qdrant:Url 'ftp://qdrant' is not an absolute http or https URL")]
    [InlineData("Url", "http://qdrant:6333", "M6:Qdrant:Url 'http://qdrant:6333' names port 6333, Qdrant's REST port; the store speaks gRPC, which Qdrant serves on port 6334")]
    [InlineData("Url", "https://gateway.test/qdrant", "M6:Qdrant:Url 'https://gateway.test/qdrant' has a path or a query")]
    [InlineData("Collection", "a/b", "M6:Qdrant:Collection 'a/b'")]
    [InlineData("ShardNumber", "0", "M6:Qdrant:ShardNumber must be at least 1")]
    [InlineData("WriteConsistencyFactor", "3", "M6:Qdrant:WriteConsistencyFactor (3) cannot exceed M6:Qdrant:ReplicationFactor (1)")]
    [InlineData("UpsertBatchSize", "0", "M6:Qdrant:UpsertBatchSize must be at least 1")]
    [InlineData("Timeout", "00:00:00", "M6:Qdrant:Timeout must be positive")]
    [InlineData("TotalTimeout", "00:00:01", "M6:Qdrant:TotalTimeout (00:00:01) must be at least M6:Qdrant:Timeout")]
    [InlineData("CaCertificatePath", "/nonexistent/ca.pem", "M6:Qdrant:CaCertificatePath '/nonexistent/ca.pem' does not exist")]
    [InlineData("IndexedAttributeKeys:0", "size.cm", "M6:Qdrant:IndexedAttributeKeys:0 'size.cm'")]
    public void Validate_NamesTheConfigurationKey_OfEachBadSetting(string key, string value, string expected)
    {
        QdrantStoreOptions options = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["M6:Qdrant:Url"] = "http://localhost:6334", ["M6:Qdrant:" + key] = value })
            .Build()
            .GetSection(QdrantStoreOptions.SectionName)
            .Get<QdrantStoreOptions>()!;

        IReadOnlyList<string> errors = options.Validate();

        Assert.Contains(errors, error => error.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AcceptsTheDefaults_WithAUrl()
    {
        Assert.Empty(new QdrantStoreOptions { Url = "http://localhost:6334" }.Validate());
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddQdrantProductStore(Configuration(settings));
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
