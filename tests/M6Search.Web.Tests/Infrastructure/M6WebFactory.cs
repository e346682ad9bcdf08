using System.Net;
using M6Search.Web.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace M6Search.Web.Tests.Infrastructure;

/// <summary>The web app over a <see cref="TestData"/> folder, with the fake encoder unless the real model is asked for.</summary>
internal sealed class M6WebFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _realModel;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _configureServices;

    /// <param name="environment">The hosting environment; tests run as Development unless they check another.</param>
    /// <param name="configureServices">Replaces services after the app's own registrations.</param>
    public M6WebFactory(
        TestData data,
        IDictionary<string, string?>? settings = null,
        bool realModel = false,
        bool kestrel = false,
        string environment = "Development",
        Action<IServiceCollection>? configureServices = null)
    {
        _realModel = realModel;
        _environment = environment;
        _configureServices = configureServices;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["M6:DataDir"] = data.DataDir,
            ["M6:CatalogDir"] = data.CatalogDir,
            ["M6:Demo:Enabled"] = "false",
            ["M6:RateLimit:PermitLimit"] = "10000",
        };
        foreach (KeyValuePair<string, string?> setting in settings ?? new Dictionary<string, string?>())
        {
            _settings[setting.Key] = setting.Value;
        }

        if (kestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    /// <summary>The real Kestrel address (with <c>kestrel: true</c>, after <see cref="WebApplicationFactory{T}.StartServer"/>).</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A client once <c>/readyz</c> answers 200 (or the wait times out, and the test's own assertions fail).</summary>
    public async Task<HttpClient> CreateReadyClientAsync(TimeSpan? timeout = null)
    {
        HttpClient client = CreateClient();
        await WaitUntilReadyAsync(client, timeout ?? TimeSpan.FromSeconds(60));
        return client;
    }

    public static async Task WaitUntilReadyAsync(HttpClient client, TimeSpan timeout)
    {
        DateTime until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (KeyValuePair<string, string?> setting in _settings)
        {
            builder.UseSetting(setting.Key, setting.Value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (!_realModel)
            {
                services.RemoveAll<IEncoderLoader>();
                services.AddSingleton<IEncoderLoader, FakeEncoderLoader>();
            }

            _configureServices?.Invoke(services);
        });
    }
}
