using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace M6Search.Imaging.Remote;

/// <summary>
/// The resilience pipeline around each image request: an outer retry with exponential backoff and jitter on
/// transient failures (network errors, 408, 429, 5xx and timed-out attempts), and an inner per-attempt timeout.
/// The same pipeline serves the DI registration and <see cref="RemoteImageFetcher.Create"/>.
/// </summary>
public static class RemoteImageResilience
{
    /// <summary>Name of the resilience pipeline in DI registrations and telemetry.</summary>
    public const string PipelineName = "m6-images";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, RemoteImageOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                // A connection the outbound policy refused would be refused again.
                ShouldHandle = arguments => ValueTask.FromResult(
                    RefusalIn(arguments.Outcome.Exception) is null && HttpClientResiliencePredicates.IsTransient(arguments.Outcome)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout });
    }

    /// <summary>The policy refusal inside <paramref name="exception"/> (the handler wraps it), or null.</summary>
    public static RemoteImageRefusedException? RefusalIn(Exception? exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is RemoteImageRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
