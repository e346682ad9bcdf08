using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.Qdrant.Transport;

/// <summary>
/// The gRPC channel to Qdrant and the official <see cref="QdrantClient"/> over it. The channel is built here rather
/// than by Qdrant.Client so that it gets the store's own HTTP handler (pooled connections renewed every few minutes,
/// HTTP/2 keep-alive pings, the private-CA check of <see cref="QdrantCertificateValidator"/>). The api key travels as
/// the "api-key" metadata of every call, as Qdrant expects.
/// </summary>
internal sealed class QdrantConnection : IDisposable
{
    /// <summary>Largest reply accepted (a page of points with their vectors); gRPC's default of 4 MB is too small for a large scroll.</summary>
    private const int MaxReceiveMessageBytes = 64 * 1024 * 1024;

    private readonly GrpcChannel _channel;

    public QdrantConnection(QdrantStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Address = new Uri(options.Url!, UriKind.Absolute);
        var handler = new SocketsHttpHandler
        {
            // The store is a long-lived singleton: renewing connections lets it see DNS changes (peers that moved).
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            EnableMultipleHttp2Connections = true,
        };
        if (!string.IsNullOrEmpty(options.CaCertificatePath))
        {
            QdrantCertificateValidator validator = QdrantCertificateValidator.FromFile(options.CaCertificatePath, options.CheckCertificateRevocation);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => validator.Validate(certificate, chain, errors);
        }

        _channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,

            // Left false: with true, Grpc.Net.Client also turns DeadlineExceeded into OperationCanceledException, and
            // a deadline must stay a DeadlineExceeded status, which is retried. QdrantCalls tells cancellations apart.
            ThrowOperationCanceledOnCancellation = false,
            MaxReceiveMessageSize = MaxReceiveMessageBytes,
        });

        CallInvoker invoker = string.IsNullOrEmpty(options.ApiKey)
            ? _channel.CreateCallInvoker()
            : _channel.Intercept(metadata =>
            {
                metadata.Add("api-key", options.ApiKey);
                return metadata;
            });

        // The client sets each call's gRPC deadline to Timeout: one attempt, which the server sees as well.
        Client = new QdrantClient(new QdrantGrpcClient(invoker), options.Timeout);
    }

    /// <summary>The gRPC endpoint, for messages.</summary>
    public Uri Address { get; }

    public QdrantClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        _channel.Dispose();
    }
}
