using M6Search.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace M6Search.Web.Tests.Telemetry;

public sealed class WebTelemetryTests
{
    [Fact]
    public async Task WebApp_RegistersOpenTelemetryTracingAndMetrics()
    {
        using TestData data = await TestData.CreateAsync();
        await using var factory = new M6WebFactory(data, new Dictionary<string, string?>());
        using HttpClient client = await factory.CreateReadyClientAsync();

        Assert.NotNull(factory.Services.GetService<TracerProvider>());
        Assert.NotNull(factory.Services.GetService<MeterProvider>());
    }
}
