using M6Search.Stores.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace M6Search.Stores.Qdrant;

/// <summary>Registers the Qdrant store as the <see cref="IProductVectorStore"/>.</summary>
public static class QdrantServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="QdrantStoreOptions"/> from "M6:Qdrant" and registers a singleton <see cref="QdrantProductStore"/>
    /// (also as <see cref="IProductVectorStore"/>), which owns its gRPC channel. Invalid settings fail on first use,
    /// naming their keys.
    /// </summary>
    public static IServiceCollection AddQdrantProductStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<QdrantStoreOptions>()
            .Bind(configuration.GetSection(QdrantStoreOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<QdrantStoreOptions>, QdrantStoreOptionsValidator>();
        services.AddSingleton(provider => new QdrantProductStore(
            provider.GetRequiredService<IOptions<QdrantStoreOptions>>().Value,
            provider.GetService<ILogger<QdrantProductStore>>()));
        services.AddSingleton<IProductVectorStore>(provider => provider.GetRequiredService<QdrantProductStore>());
        return services;
    }
}
