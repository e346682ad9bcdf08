using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using M6Search.Stores.Qdrant;
using M6Search.Web.Api;
using M6Search.Web.Configuration;
using M6Search.Web.Demo;
using M6Search.Web.Facets;
using M6Search.Web.Health;
using M6Search.Web.Images;
using M6Search.Web.RateLimiting;
using M6Search.Web.Runtime;
using M6Search.Web.Uploads;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Composition;

/// <summary>
/// Registers the search back end, the demo bootstrap, the limits (the per-client window of pages, API and images;
/// the interactive pages' window; the app-wide bound on searches at once) and the API's documentation.
/// </summary>
public static class WebServiceCollectionExtensions
{
    /// <summary>Adds everything the search page and the HTTP API need, bound from the "M6" configuration section.</summary>
    public static IServiceCollection AddM6Search(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<M6Options>().BindConfiguration(M6Options.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<M6Options>, M6OptionsValidator>();
        if (string.Equals(configuration[$"{M6Options.SectionName}:Store"], nameof(StoreKind.Qdrant), StringComparison.OrdinalIgnoreCase))
        {
            services.AddQdrantProductStore(configuration);
        }

        services.TryAddSingleton<IEncoderLoader, MoeEncoderLoader>();
        services.TryAddSingleton<IDemoCatalogIndexer>(provider => new PipelineDemoCatalogIndexer(
            provider.GetRequiredService<IOptions<M6Options>>().Value.Demo.BatchSize,
            provider.GetRequiredService<ILogger<M6Search.Indexing.Jobs.IndexingPipeline>>()));
        services.AddSingleton<SearchRuntime>();
        services.AddSingleton<DemoProgress>();
        services.AddSingleton<DemoCatalogBootstrapper>();
        services.AddSingleton<ReadinessProbe>();
        services.AddSingleton<ProductImageResolver>();
        services.AddSingleton<PhotoPreparer>();
        services.AddSingleton<CatalogFacetsCache>();
        services.AddSingleton<SearchAdmission>();
        services.AddSingleton<InteractiveRateLimiter>();
        services.AddHostedService<SearchRuntimeInitializer>();

        // One key ring for every replica and restart (M6:DataProtection:KeysDir), read when the options are first used.
        services.AddDataProtection().SetApplicationName(DataProtectionSettings.ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<M6Options>, ILoggerFactory>((keys, m6, loggers) =>
            keys.XmlRepository = new FileSystemXmlRepository(Directory.CreateDirectory(m6.Value.KeysDirFullPath), loggers));

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<TooManyRequestsExceptionHandler>();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = 16L * 1024 * 1024);
        services.AddRateLimiter(AddApiLimit);
        return services;
    }

    private static void AddApiLimit(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            HttpContext http = context.HttpContext;
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter))
            {
                http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            IProblemDetailsService problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = "This client has made too many requests; wait and try again (see Retry-After).",
                },
            });
        };
        limiter.AddPolicy(SearchApi.RateLimitPolicy, http =>
        {
            RateLimitOptions options = http.RequestServices.GetRequiredService<IOptions<M6Options>>().Value.RateLimit;
            if (!options.Enabled)
            {
                return RateLimitPartition.GetNoLimiter("off");
            }

            string client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = TimeSpan.FromSeconds(options.WindowSeconds),
                QueueLimit = options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        });
    }
}
