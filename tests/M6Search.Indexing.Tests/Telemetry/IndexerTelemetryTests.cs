using M6Search.Indexer.Composition;
using M6Search.Indexing.Tests.Support;
using M6Search.Testing;
using Microsoft.Extensions.Configuration;

namespace M6Search.Indexing.Tests.Telemetry;

/// <summary>The OpenTelemetry wiring of <c>m6</c>: off without OTEL_EXPORTER_OTLP_ENDPOINT, exporting at exit with it.</summary>
public sealed class IndexerTelemetryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void StartIfConfigured_BuildsNothing_WithoutTheOtlpEndpoint()
    {
        IConfiguration environment = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_SERVICE_NAME"] = "m6-indexer-test" })
            .Build();

        using IDisposable? telemetry = IndexerTelemetry.StartIfConfigured(environment);

        Assert.Null(telemetry);
    }

    [Fact]
    public async Task M6Index_ExportsItsTracesAndMetrics_ToTheOtlpEndpoint_BeforeItExits()
    {
        await using var collector = new OtlpCollector();
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 4);
        string model = _temp.Combine("micro.m6model");
        MicroModel.Save(model);

        (int exit, string output) = await M6Process.RunAsync(
            [
                "index", "--catalog", catalog.CatalogPath, "--model", model, "--device", "cpu",
                "--store", "embedded:" + _temp.Combine("data"), "--state-dir", _temp.Combine("state"),
            ],
            TimeSpan.FromMinutes(2),
            new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            });

        Assert.True(exit == 0, output);
        Assert.Contains(collector.Posts, post => post.Path == "/v1/traces" && post.Bytes > 0);
        Assert.Contains(collector.Posts, post => post.Path == "/v1/metrics" && post.Bytes > 0);
    }
}
