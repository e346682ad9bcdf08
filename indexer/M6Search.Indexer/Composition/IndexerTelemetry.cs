using M6Search.Indexing.Telemetry;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace M6Search.Indexer.Composition;

/// <summary>
/// OpenTelemetry for <c>m6</c>, which is not a host: a tracer and a meter provider built by hand, only when the
/// standard OTEL_EXPORTER_OTLP_ENDPOINT is set, and disposed at exit (which exports what is left). They carry the
/// indexing pipeline's source and meter (<see cref="IndexingTelemetry"/>), HttpClient (the Qdrant calls) and the .NET
/// runtime's metrics, as service <see cref="ServiceName"/> unless OTEL_SERVICE_NAME says otherwise. (Not
/// M6Search.Telemetry: that one brings ASP.NET Core, which the indexer's runtime image does not have.)
/// </summary>
public static class IndexerTelemetry
{
    /// <summary>The service name of <c>m6</c> (M6TelemetryNames.IndexerService in M6Search.Telemetry).</summary>
    public const string ServiceName = "m6-indexer";

    private const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    /// <summary>The providers, or null when OTEL_EXPORTER_OTLP_ENDPOINT is not set (then nothing is collected).</summary>
    public static IDisposable? StartIfConfigured(IConfiguration? environment = null)
    {
        environment ??= new ConfigurationBuilder().AddEnvironmentVariables().Build();
        if (string.IsNullOrWhiteSpace(environment[EndpointVariable]))
        {
            return null;
        }

        string? configured = environment[ServiceNameVariable];
        string name = string.IsNullOrWhiteSpace(configured) ? ServiceName : configured.Trim();
        TracerProvider tracer = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => resource.AddService(name))
            .AddSource(IndexingTelemetry.Name)
            .AddHttpClientInstrumentation()
            .AddOtlpExporter()
            .Build();
        MeterProvider meters = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService(name))
            .AddMeter(IndexingTelemetry.Name)
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddOtlpExporter()
            .Build();
        return new Providers(tracer, meters);
    }

    private sealed class Providers(TracerProvider tracer, MeterProvider meters) : IDisposable
    {
        public void Dispose()
        {
            // Disposing shuts each provider down, which exports what has not been sent yet.
            meters.Dispose();
            tracer.Dispose();
        }
    }
}
