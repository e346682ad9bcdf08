using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace M6Search.Telemetry;

/// <summary>OpenTelemetry for a host, the way eShop's ServiceDefaults does it.</summary>
public static class M6TelemetryExtensions
{
    /// <summary>
    /// Traces (ASP.NET Core requests, outgoing HttpClient calls such as Qdrant's, M6Search's own sources) and metrics
    /// (ASP.NET Core and Kestrel, HttpClient, the .NET runtime, M6Search's own meters), under the resource
    /// <c>service.name</c> = <paramref name="serviceName"/> (or OTEL_SERVICE_NAME). The OTLP exporter is added only
    /// when OTEL_EXPORTER_OTLP_ENDPOINT is set; it then reads the other standard OTEL_EXPORTER_OTLP_* variables.
    /// Without it the providers still exist (cheap: nothing samples or exports) and nothing leaves the process.
    /// </summary>
    public static IHostApplicationBuilder AddM6Telemetry(this IHostApplicationBuilder builder, string serviceName = M6TelemetryNames.WebService)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        string name = OtlpSettings.ServiceName(builder.Configuration, serviceName);

        OpenTelemetryBuilder telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(name))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options =>
                {
                    // Probes every few seconds per pod would drown the interesting spans.
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/healthz") && !context.Request.Path.StartsWithSegments("/readyz");
                })
                .AddHttpClientInstrumentation()
                .AddSource([.. M6TelemetryNames.Sources]))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter([.. M6TelemetryNames.Sources]));

        if (OtlpSettings.IsExportEnabled(builder.Configuration))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
