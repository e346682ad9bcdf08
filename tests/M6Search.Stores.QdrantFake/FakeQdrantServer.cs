using System.Net;
using System.Security.Cryptography.X509Certificates;
using M6Search.Stores.QdrantFake.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace M6Search.Stores.QdrantFake;

/// <summary>
/// An in-process Qdrant 1.19 gRPC server on 127.0.0.1 (a free port): Kestrel with HTTP/2 only, cleartext (h2c, as
/// Qdrant serves gRPC on 6334 by default) or TLS with the given certificate. It answers from memory
/// (<see cref="Fake"/>) and records every call. Dispose it to stop it.
/// </summary>
public sealed class FakeQdrantServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeQdrantServer(WebApplication app, FakeQdrant fake, Uri url)
    {
        _app = app;
        Fake = fake;
        Url = url;
    }

    /// <summary>The data, the recorded calls and the fault plan.</summary>
    public FakeQdrant Fake { get; }

    /// <summary>http://127.0.0.1:PORT (or https://localhost:PORT with a certificate).</summary>
    public Uri Url { get; }

    /// <summary>Starts a server; with <paramref name="apiKey"/> every call must carry it as the api-key header.</summary>
    public static async Task<FakeQdrantServer> StartAsync(string? apiKey = null, X509Certificate2? certificate = null, CancellationToken cancellationToken = default)
    {
        var fake = new FakeQdrant(apiKey);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Fake" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        builder.Services.AddGrpc(options => options.EnableDetailedErrors = true);
        builder.Services.AddSingleton(fake);

        WebApplication app = builder.Build();
        app.MapGrpcService<FakeCollectionsService>();
        app.MapGrpcService<FakePointsService>();
        app.MapGrpcService<FakeSnapshotsService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        int port = new Uri(bound).Port;
        var url = new Uri(certificate is null ? $"http://127.0.0.1:{port}" : $"https://localhost:{port}");
        return new FakeQdrantServer(app, fake, url);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
