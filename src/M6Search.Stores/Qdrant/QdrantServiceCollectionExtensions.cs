using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace M6Search.Stores.Qdrant;

/// <summary>Registers the Qdrant store as the <see cref="IProductVectorStore"/>.</summary>
public static class QdrantServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client the store sends through.</summary>
    public const string HttpClientName = "M6Search.Qdrant";

    /// <summary>
    /// Binds <see cref="QdrantStoreOptions"/> from "M6:Qdrant", and registers a singleton <see cref="QdrantProductStore"/>
    /// (also as <see cref="IProductVectorStore"/>) over a named HttpClient with the Qdrant resilience pipeline
    /// (<see cref="QdrantResilience"/>) and the custom CA check. Invalid settings fail on first use, naming their keys.
    /// </summary>
    public static IServiceCollection AddQdrantProductStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<QdrantStoreOptions>()
            .Bind(configuration.GetSection(QdrantStoreOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<QdrantStoreOptions>, QdrantStoreOptionsValidator>();

        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => QdrantHttpHandlerFactory.CreatePrimaryHandler(
                provider.GetRequiredService<IOptions<QdrantStoreOptions>>().Value))
            .AddResilienceHandler(QdrantResilience.PipelineName, (builder, context) => QdrantResilience.Configure(
                builder,
                context.ServiceProvider.GetRequiredService<IOptions<QdrantStoreOptions>>().Value,
                (context.ServiceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(typeof(QdrantResilience).FullName!)));

        services.AddSingleton(provider => new QdrantProductStore(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<QdrantStoreOptions>>().Value,
            provider.GetService<ILogger<QdrantProductStore>>()));
        services.AddSingleton<IProductVectorStore>(provider => provider.GetRequiredService<QdrantProductStore>());
        return services;
    }
}
