using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;
using M6Search.Stores.Qdrant;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace M6Search.Indexing.Stores;

/// <summary>
/// Opens the store a <see cref="StoreSpec"/> names, for the command line. (The web app opens its own store once and
/// hands it to <see cref="Jobs.IndexingPipeline"/>.) Every Qdrant setting except the URL and the collection comes from
/// the environment, with the web app's names: <c>M6__Qdrant__ApiKey</c>, <c>M6__Qdrant__ReplicationFactor</c>, ...
/// (the "M6:Qdrant" section, <see cref="QdrantStoreOptions"/>). The URL of <c>--store</c> and <c>--collection</c> win
/// over <c>M6__Qdrant__Url</c> and <c>M6__Qdrant__Collection</c>.
/// </summary>
public static class ProductStoreFactory
{
    /// <summary>The environment variable holding the Qdrant API key (the same name the web app's configuration binds).</summary>
    public const string QdrantApiKeyVariable = "M6__Qdrant__ApiKey";

    /// <summary>The prefix of every Qdrant environment variable: the "M6:Qdrant" section with "__" for ":".</summary>
    public const string QdrantVariablePrefix = "M6__Qdrant__";

    /// <summary>Opens (embedded) or connects to (Qdrant) the collection; the caller disposes the result.</summary>
    /// <exception cref="ArgumentException">A Qdrant setting in the environment is invalid; the message names the variable.</exception>
    public static Task<OpenedStore> OpenAsync(
        StoreSpec spec, string collection = StoreSpec.DefaultCollection, CancellationToken cancellationToken = default) =>
        OpenAsync(spec, collection, new ConfigurationBuilder().AddEnvironmentVariables().Build(), cancellationToken);

    /// <summary>
    /// The Qdrant settings the store gets: the "M6:Qdrant" section of <paramref name="environment"/> (environment
    /// variables <c>M6__Qdrant__X</c>) with the command line's URL and collection on top, validated.
    /// </summary>
    /// <exception cref="ArgumentException">Every invalid setting, each named as the variable or option it came from.</exception>
    public static QdrantStoreOptions ResolveQdrantOptions(StoreSpec spec, string collection, IConfiguration environment)
    {
        IConfiguration configuration = QdrantConfiguration(spec, collection, environment);
        var options = new QdrantStoreOptions();
        try
        {
            configuration.GetSection(QdrantStoreOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder says "Failed to convert configuration value '...' at 'M6:Qdrant:X' to type '...'".
            throw new ArgumentException("Invalid Qdrant setting in the environment: " + NameVariables(ex.Message), ex);
        }

        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid Qdrant settings: " + string.Join(" ", errors.Select(NameVariables)));
        }

        return options;
    }

    /// <summary>The seam of the tests: the environment as a configuration.</summary>
    internal static async Task<OpenedStore> OpenAsync(StoreSpec spec, string collection, IConfiguration environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentNullException.ThrowIfNull(environment);
        if (spec.Kind == StoreKind.Embedded)
        {
            var options = new EmbeddedStoreOptions { DataDirectory = Path.GetFullPath(spec.Location) };
            EmbeddedProductVectorStore store = await EmbeddedProductVectorStore.OpenAsync(options, collection, cancellationToken).ConfigureAwait(false);
            return new OpenedStore(store, owner: null);
        }

        // Checked here first so that a bad setting is reported by its variable name, not by its configuration key.
        ResolveQdrantOptions(spec, collection, environment);
        var services = new ServiceCollection();
        services.AddQdrantProductStore(QdrantConfiguration(spec, collection, environment));

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

    private static IConfiguration QdrantConfiguration(StoreSpec spec, string collection, IConfiguration environment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(environment);
        var commandLine = new Dictionary<string, string?>
        {
            [$"{QdrantStoreOptions.SectionName}:{nameof(QdrantStoreOptions.Url)}"] = spec.Location,
            [$"{QdrantStoreOptions.SectionName}:{nameof(QdrantStoreOptions.Collection)}"] = collection,
        };

        // Later sources win: the command line over the environment.
        return new ConfigurationBuilder()
            .AddConfiguration(environment)
            .AddInMemoryCollection(commandLine)
            .Build();
    }

    /// <summary>"M6:Qdrant:X" becomes the variable "M6__Qdrant__X", except the two settings the command line gives.</summary>
    private static string NameVariables(string message)
    {
        string section = QdrantStoreOptions.SectionName + ":";
        return message
            .Replace(section + nameof(QdrantStoreOptions.Url), "--store's URL", StringComparison.Ordinal)
            .Replace(section + nameof(QdrantStoreOptions.Collection), "--collection", StringComparison.Ordinal)
            .Replace(section, QdrantVariablePrefix, StringComparison.Ordinal)
            .Replace(QdrantVariablePrefix + nameof(QdrantStoreOptions.IndexedAttributeKeys) + ":", QdrantVariablePrefix + nameof(QdrantStoreOptions.IndexedAttributeKeys) + "__", StringComparison.Ordinal);
    }
}
