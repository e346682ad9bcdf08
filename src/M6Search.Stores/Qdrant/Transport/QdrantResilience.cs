using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace M6Search.Stores.Qdrant.Transport;

/// <summary>
/// The resilience pipeline around every Qdrant call: retries with exponential backoff and jitter. Each attempt is
/// bounded by its own gRPC deadline (<see cref="QdrantStoreOptions.Timeout"/>, set by the client); the operation as a
/// whole by <see cref="QdrantStoreOptions.TotalTimeout"/>, which <c>QdrantCalls</c> enforces around this pipeline. Every store operation is idempotent (upserts and deletes by id, reads, collection creation with "already
/// exists" accepted, an alias switch that sets the same state), so all of them may be retried.
/// </summary>
public static class QdrantResilience
{
    /// <summary>The gRPC status codes worth another attempt: the server or the path to it is busy or briefly gone.</summary>
    public static IReadOnlySet<StatusCode> TransientCodes { get; } = new HashSet<StatusCode>
    {
        StatusCode.Unavailable,
        StatusCode.DeadlineExceeded,
        StatusCode.ResourceExhausted,
        StatusCode.Aborted,
    };

    /// <summary>True when the failure is worth another attempt.</summary>
    public static bool IsTransient(Exception exception) => exception is RpcException rpc && TransientCodes.Contains(rpc.StatusCode);

    /// <summary>
    /// The wait Qdrant asks for with a rate-limited call: its "retry-after" trailer, in whole seconds (Qdrant's own
    /// rate limiter sends it with ResourceExhausted). Null when there is none.
    /// </summary>
    public static TimeSpan? RetryAfter(Exception? exception)
    {
        string? value = (exception as RpcException)?.Trailers.GetValue("retry-after");
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    /// <summary>The pipeline for <paramref name="options"/>; retries are logged as event 6100.</summary>
    public static ResiliencePipeline Create(QdrantStoreOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ILogger log = logger ?? NullLogger.Instance;
        var builder = new ResiliencePipelineBuilder();
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(exception => TransientCodes.Contains(exception.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    RpcException? rpc = args.Outcome.Exception as RpcException;
                    QdrantLog.Retrying(log, args.RetryDelay, args.AttemptNumber + 1, rpc is null ? "an error" : $"{rpc.StatusCode}: {rpc.Status.Detail}");
                    return default;
                },
            });
        }

        return builder.Build();
    }
}
