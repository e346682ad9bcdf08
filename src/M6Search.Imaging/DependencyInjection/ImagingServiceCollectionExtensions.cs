using M6Search.Imaging.Remote;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace M6Search.Imaging.DependencyInjection;

/// <summary>Registers image loading for hosts with dependency injection (the web app).</summary>
public static class ImagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ImageLoadOptions"/>, <see cref="ImageLoader"/> (transient, cheap) and
    /// <see cref="RemoteImageFetcher"/> as a typed HttpClient with the <see cref="RemoteImageResilience"/> pipeline.
    /// Returns the client builder, e.g. to configure the primary handler or a proxy.
    /// </summary>
    public static IHttpClientBuilder AddImageLoading(this IServiceCollection services, Action<ImageLoadOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ImageLoadOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddTransient(provider => new ImageLoader(
            provider.GetRequiredService<IOptions<ImageLoadOptions>>().Value,
            provider.GetRequiredService<RemoteImageFetcher>()));

        var client = services.AddHttpClient<RemoteImageFetcher>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
                RemoteImageConnector.CreateHandler(provider.GetRequiredService<IOptions<ImageLoadOptions>>().Value.Remote.Policy));
        client.AddResilienceHandler(
            RemoteImageResilience.PipelineName,
            (pipeline, context) => RemoteImageResilience.Configure(
                pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<ImageLoadOptions>>().Value.Remote));
        return client;
    }
}
