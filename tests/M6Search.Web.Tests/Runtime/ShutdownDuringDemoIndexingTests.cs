using System.Text.Json;
using M6Search.Web.Demo;
using M6Search.Web.Runtime;
using M6Search.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace M6Search.Web.Tests.Runtime;

/// <summary>
/// Stopping the app while its demo bootstrap is still indexing (what ShippedModelTests does whenever its search is
/// done before the last demo batch). The host stops its services twice at once under WebApplicationFactory, and both
/// stops disposed the shipped model's encoder together as soon as the bootstrap ended: TorchSharp freed the model's
/// tensors twice and the test host died of "double free or corruption" (about one CI run in ten). With a shutdown
/// timeout shorter than a batch, the encoder was also freed while the bootstrap still used it. Here the second demo
/// batch is held until the stop has begun, so every run takes these paths.
/// </summary>
public sealed class ShutdownDuringDemoIndexingTests
{
    private const int Products = 48;
    private const int BatchSize = 8;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task StoppingMidIndexing_KeepsTheProcessAlive_AndTheNextStartFinishesTheDemo(int shutdownTimeoutMilliseconds)
    {
        using TestData data = await TestData.CreateAsync(withProducts: false);
        var settings = new Dictionary<string, string?>
        {
            ["M6:Demo:Enabled"] = "true",
            ["M6:Demo:Products"] = Products.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["M6:Demo:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["M6:CatalogDir"] = null,
        };

        // The first batch (its texts, then its images) goes through; the second waits.
        var loader = new HoldingEncoderLoader(passing: 2);
        await using (var factory = new M6WebFactory(data, settings, realModel: true))
        {
            WebApplicationFactory<Program> app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IEncoderLoader>();
                services.AddSingleton<IEncoderLoader>(loader);
                if (shutdownTimeoutMilliseconds > 0)
                {
                    services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromMilliseconds(shutdownTimeoutMilliseconds));
                }
            }));
            using HttpClient client = app.CreateClient();
            Assert.Equal(BatchSize, await WaitForProductsAsync(client, atLeast: 1, TimeSpan.FromMinutes(3)));
            HoldingEncoder encoder = await loader.Loaded;
            await encoder.Holding.WaitAsync(TimeSpan.FromMinutes(3));

            Task stopping = app.DisposeAsync().AsTask();
            await Task.Delay(200);
            encoder.Release();
            await stopping.WaitAsync(TimeSpan.FromMinutes(3));
        }

        // Interrupted: no marker; the store and the job state it left must let the next start finish the demo.
        Assert.False(File.Exists(Path.Combine(data.DataDir, "demo", DemoCatalogBootstrapper.MarkerFile)));
        await using var restarted = new M6WebFactory(data, settings, realModel: true);
        using HttpClient again = restarted.CreateClient();
        Assert.Equal(Products, await WaitForProductsAsync(again, atLeast: Products, TimeSpan.FromMinutes(3)));
    }

    private static async Task<long> WaitForProductsAsync(HttpClient client, long atLeast, TimeSpan timeout)
    {
        DateTime until = DateTime.UtcNow + timeout;
        long products = 0;
        while (DateTime.UtcNow < until)
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            products = body.RootElement.GetProperty("products").GetInt64();
            if (products >= atLeast)
            {
                return products;
            }

            await Task.Delay(50);
        }

        return products;
    }
}
