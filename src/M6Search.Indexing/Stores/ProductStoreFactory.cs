using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;
using M6Search.Stores.Qdrant;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace M6Search.Indexing.Stores;

/// <summary>
/// Opens the store a <see cref="StoreSpec"/> names, for the command line. (The web app opens its own store once and
/// hands it to <see cref="Jobs.IndexingPipeline"/>.) The Qdrant API key is read from <see cref="QdrantApiKeyVariable"/>.
/// </summary>
public static class ProductStoreFactory
{
    /// <summary>The environment variable holding the Qdrant API key (the same name the web app's configuration binds).</summary>
    public const string QdrantApiKeyVariable = "M6__Qdrant__ApiKey";

    /// <summary>Opens (embedded) or connects to (Qdrant) the collection; the caller disposes the result.</summary>
    public static async Task<OpenedStore> OpenAsync(
        StoreSpec spec, string collection = StoreSpec.DefaultCollection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        if (spec.Kind == StoreKind.Embedded)
        {
            var options = new EmbeddedStoreOptions { DataDirectory = Path.GetFullPath(spec.Location) };
            EmbeddedProductVectorStore store = await EmbeddedProductVectorStore.OpenAsync(options, collection, cancellationToken).ConfigureAwait(false);
            return new OpenedStore(store, owner: null);
        }

        var settings = new Dictionary<string, string?>
        {
            [$"{QdrantStoreOptions.SectionName}:{nameof(QdrantStoreOptions.Url)}"] = spec.Location,
            [$"{QdrantStoreOptions.SectionName}:{nameof(QdrantStoreOptions.Collection)}"] = collection,
        };
        string? apiKey = Environment.GetEnvironmentVariable(QdrantApiKeyVariable);
        if (!string.IsNullOrEmpty(apiKey))
        {
            settings[$"{QdrantStoreOptions.SectionName}:{nameof(QdrantStoreOptions.ApiKey)}"] = apiKey;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddQdrantProductStore(configuration);
        ServiceProvider provider = services.BuildServiceProvider();
        try
        {
            IProductVectorStore qdrant = provider.GetRequiredService<IProductVectorStore>();
            return new OpenedStore(qdrant, provider);
        }
        catch
        {
            await provider.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
