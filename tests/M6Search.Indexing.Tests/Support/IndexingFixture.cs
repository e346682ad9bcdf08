using M6Search.Imaging;
using M6Search.Indexing.Images;
using M6Search.Indexing.Jobs;
using M6Search.Indexing.Sharding;
using M6Search.Stores.Embedded;

namespace M6Search.Indexing.Tests.Support;

/// <summary>Opens embedded stores and runs jobs against a <see cref="TestCatalog"/> with the hashing encoder.</summary>
public static class IndexingFixture
{
    public static ProductImageSource Images { get; } =
        new(new ImageLoader(new ImageLoadOptions { MaxBytes = TestCatalog.MaxImageBytes }));

    public static Task<EmbeddedProductVectorStore> OpenStoreAsync(string dataDirectory, string collection = "products") =>
        EmbeddedProductVectorStore.OpenAsync(new EmbeddedStoreOptions { DataDirectory = dataDirectory }, collection);

    public static IndexJobOptions Options(TestCatalog catalog, string stateDirectory, ShardSpec? shard = null, int batch = 8) => new()
    {
        CatalogPath = catalog.CatalogPath,
        StateDirectory = stateDirectory,
        Shard = shard ?? ShardSpec.All,
        BatchSize = batch,
        DegreeOfParallelism = 2,
        ProgressInterval = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>Opens the store, runs one job, closes the store.</summary>
    public static async Task<IndexJobReport> RunAsync(
        string dataDirectory, IndexJobOptions options, HashingEncoder? encoder = null, IProgress<IndexProgress>? progress = null)
    {
        await using EmbeddedProductVectorStore store = await OpenStoreAsync(dataDirectory);
        var pipeline = new IndexingPipeline(encoder ?? new HashingEncoder(), store, Images);
        return await pipeline.RunAsync(options, progress);
    }

    public static async Task<SortedDictionary<string, string>> DumpAsync(string dataDirectory)
    {
        await using EmbeddedProductVectorStore store = await OpenStoreAsync(dataDirectory);
        return await StoreDump.ReadAsync(store);
    }
}
