using Microsoft.Extensions.Configuration;

namespace M6Search.Telemetry;

/// <summary>
/// The standard OpenTelemetry variables M6Search looks at itself; the SDK reads the others (protocol, headers,
/// OTEL_RESOURCE_ATTRIBUTES, samplers). There are no M6-specific telemetry settings.
/// </summary>
public static class OtlpSettings
{
    /// <summary>Where the OTLP exporter sends; when unset nothing is exported.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Overrides the service name each program passes.</summary>
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    /// <summary>True when <see cref="EndpointVariable"/> is set (to anything but blanks) in the configuration.</summary>
    public static bool IsExportEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[EndpointVariable]);
    }

    /// <summary><see cref="ServiceNameVariable"/> when set, otherwise <paramref name="serviceName"/>.</summary>
    public static string ServiceName(IConfiguration configuration, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        string? configured = configuration[ServiceNameVariable];
        return string.IsNullOrWhiteSpace(configured) ? serviceName : configured.Trim();
    }
}
