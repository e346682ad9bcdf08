using System.Net;

namespace M6Search.Stores.Qdrant.Http;

/// <summary>
/// The primary handler of the Qdrant client: a <see cref="SocketsHttpHandler"/> whose pooled connections are renewed
/// every few minutes (the store is a long-lived singleton, so DNS changes must still be seen), with the custom CA check
/// when <see cref="QdrantStoreOptions.CaCertificatePath"/> is set.
/// </summary>
public static class QdrantHttpHandlerFactory
{
    public static SocketsHttpHandler CreatePrimaryHandler(QdrantStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        };

        if (!string.IsNullOrEmpty(options.CaCertificatePath))
        {
            QdrantCertificateValidator validator = QdrantCertificateValidator.FromFile(options.CaCertificatePath, options.CheckCertificateRevocation);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => validator.Validate(certificate, chain, errors);
        }

        return handler;
    }
}
