using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Timeout;

namespace M6Search.Stores.Qdrant.Http;

/// <summary>
/// The resilience pipeline of every Qdrant request: a total timeout around retries (exponential backoff with jitter,
/// Retry-After honoured) around a per-attempt timeout. Every store operation is idempotent (upserts and deletes by id,
/// reads, collection creation with "already exists" accepted), so all of them may be retried.
/// </summary>
public static class QdrantResilience
{
    /// <summary>The pipeline name used with <c>AddResilienceHandler</c>.</summary>
    public const string PipelineName = "M6Search.Qdrant";

    /// <summary>Adds the Qdrant strategies to <paramref name="builder"/> (for <c>AddResilienceHandler</c>).</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, QdrantStoreOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ILogger log = logger ?? NullLogger.Instance;

        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                OnRetry = args =>
                {
                    QdrantLog.Retrying(log, args.RetryDelay, args.AttemptNumber + 1, Describe(args.Outcome));
                    return default;
                },
            });
        }

        builder.AddTimeout(options.Timeout);
    }

    /// <summary>A stand-alone pipeline with the Qdrant strategies.</summary>
    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(QdrantStoreOptions options, ILogger? logger = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        Configure(builder, options, logger);
        return builder.Build();
    }

    /// <summary>
    /// An <see cref="HttpClient"/> that sends through the Qdrant pipeline to <paramref name="innerHandler"/> (for use
    /// without dependency injection, and in tests with a scripted handler). The pipeline owns the timeouts, so the
    /// client's own timeout is off.
    /// </summary>
    public static HttpClient CreateHttpClient(QdrantStoreOptions options, HttpMessageHandler innerHandler, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(innerHandler);
#pragma warning disable CA2000 // The client owns the handler chain and disposes it.
        var handler = new ResilienceHandler(CreatePipeline(options, logger)) { InnerHandler = innerHandler };
#pragma warning restore CA2000
        return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>True for outcomes worth another attempt: 429, 502, 503, 504, transport errors and attempt timeouts.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Exception: TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Exception is { } ex
        ? $"{ex.GetType().Name}: {ex.Message}"
        : $"HTTP {(int)outcome.Result!.StatusCode} {outcome.Result.ReasonPhrase}";
}
