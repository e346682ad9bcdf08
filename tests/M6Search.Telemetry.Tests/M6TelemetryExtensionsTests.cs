using System.Diagnostics;
using System.Diagnostics.Metrics;
using M6Search.Indexing.Telemetry;
using M6Search.Search.Telemetry;
using M6Search.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace M6Search.Telemetry.Tests;

public sealed class M6TelemetryExtensionsTests
{
    [Fact]
    public void AddM6Telemetry_RegistersATracerAndAMeterProvider_UnderTheServiceName()
    {
        using IHost host = Build(new Dictionary<string, string?>(), M6TelemetryNames.WebService);

        TracerProvider tracer = host.Services.GetRequiredService<TracerProvider>();
        Assert.NotNull(host.Services.GetRequiredService<MeterProvider>());
        Assert.Equal(M6TelemetryNames.WebService, ServiceName(tracer.GetResource()));
    }

    [Fact]
    public void AddM6Telemetry_TakesTheServiceNameFromOtelServiceName_WhenItIsSet()
    {
        using IHost host = Build(new Dictionary<string, string?> { [OtlpSettings.ServiceNameVariable] = "m6search-web-canary" }, M6TelemetryNames.WebService);

        Assert.Equal("m6search-web-canary", ServiceName(host.Services.GetRequiredService<TracerProvider>().GetResource()));
    }

    [Fact]
    public void AddM6Telemetry_AddsNoOtlpExporter_WithoutTheEndpoint_AndOneWithIt()
    {
        List<string> without = OtlpServices(new Dictionary<string, string?>());
        List<string> with = OtlpServices(new Dictionary<string, string?> { [OtlpSettings.EndpointVariable] = "http://127.0.0.1:4318" });

        Assert.Empty(without);
        Assert.NotEmpty(with);
    }

    [Fact]
    public async Task AddM6Telemetry_ExportsM6SpansAndMetrics_ToTheOtlpEndpoint()
    {
        await using var collector = new OtlpCollector();
        using IHost host = Build(
            new Dictionary<string, string?>
            {
                [OtlpSettings.EndpointVariable] = collector.Endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            },
            M6TelemetryNames.IndexerService);
        TracerProvider tracer = host.Services.GetRequiredService<TracerProvider>();
        MeterProvider meters = host.Services.GetRequiredService<MeterProvider>();
        using var source = new ActivitySource(M6TelemetryNames.Search);
        using var meter = new Meter(M6TelemetryNames.Search);
        Counter<long> queries = meter.CreateCounter<long>("m6.search.queries");

        using (Activity? span = source.StartActivity("m6.search"))
        {
            Assert.NotNull(span);
        }

        queries.Add(1);
        Assert.True(tracer.ForceFlush(10_000));
        Assert.True(meters.ForceFlush(10_000));

        Assert.Contains(collector.Posts, post => post.Path == "/v1/traces" && post.Bytes > 0);
        Assert.Contains(collector.Posts, post => post.Path == "/v1/metrics" && post.Bytes > 0);
    }

    [Fact]
    public void ActivitiesOfASourceThatIsNotM6s_AreNotRecorded()
    {
        using IHost host = Build(new Dictionary<string, string?>(), M6TelemetryNames.WebService);
        host.Services.GetRequiredService<TracerProvider>();
        using var own = new ActivitySource(M6TelemetryNames.Search);
        using var other = new ActivitySource("SomeoneElse.NotExported");

        using Activity? recorded = own.StartActivity("m6.search");
        using Activity? ignored = other.StartActivity("elsewhere");

        Assert.NotNull(recorded);
        Assert.Null(ignored);
    }

    [Fact]
    public void IndexingName_IsThePipelinesOwnName()
    {
        Assert.Equal(IndexingTelemetry.Name, M6TelemetryNames.Indexing);
        Assert.Contains(IndexingTelemetry.Name, M6TelemetryNames.Sources);
    }

    [Fact]
    public void SearchName_IsTheSearchServicesOwnName()
    {
        Assert.Equal(SearchTelemetry.Name, M6TelemetryNames.Search);
        Assert.Contains(SearchTelemetry.Name, M6TelemetryNames.Sources);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData("http://otel-collector:4317", true)]
    public void IsExportEnabled_OnlyWhenTheEndpointIsSet(string? endpoint, bool expected)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [OtlpSettings.EndpointVariable] = endpoint })
            .Build();

        Assert.Equal(expected, OtlpSettings.IsExportEnabled(configuration));
    }

    private static IHost Build(Dictionary<string, string?> settings, string serviceName)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddM6Telemetry(serviceName);
        return builder.Build();
    }

    private static string? ServiceName(Resource resource) =>
        resource.Attributes.Where(a => a.Key == "service.name").Select(a => a.Value as string).SingleOrDefault();

    /// <summary>The registrations that come from the OTLP exporter package (its options, its exporter registration).</summary>
    private static List<string> OtlpServices(Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddM6Telemetry(M6TelemetryNames.WebService);
        return builder.Services
            .SelectMany(d => new[] { d.ServiceType, d.ImplementationType, d.ServiceType.IsGenericType ? d.ServiceType.GetGenericArguments()[0] : null })
            .Where(type => type?.Assembly.GetName().Name == "OpenTelemetry.Exporter.OpenTelemetryProtocol")
            .Select(type => type!.FullName!)
            .Distinct()
            .ToList();
    }
}
