using System.Net;
using System.Net.Sockets;

namespace M6Search.Imaging.Remote;

/// <summary>
/// Opens the TCP connections of image downloads under a <see cref="RemoteImagePolicy"/>: the host must pass the
/// allow-list, its name is resolved here, and only allowed addresses are connected to, so a name that resolves to a
/// private address, or a redirect to one, never reaches it (the check and the connection use the same addresses; no
/// second lookup can change them). A <see cref="SocketsHttpHandler.ConnectCallback"/>; <see cref="CreateHandler"/>
/// builds the handler that uses it.
/// </summary>
public sealed class RemoteImageConnector
{
    private readonly RemoteImagePolicy _policy;

    public RemoteImageConnector(RemoteImagePolicy policy)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
    }

    /// <summary>
    /// The primary handler of image downloads: connections through <see cref="ConnectAsync"/>, no proxy (a proxy would
    /// make the checked address the proxy's), redirects followed (at most 5; each new connection is checked again).
    /// </summary>
    public static SocketsHttpHandler CreateHandler(RemoteImagePolicy policy) => new()
    {
        ConnectCallback = new RemoteImageConnector(policy).ConnectAsync,
        UseProxy = false,
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 5,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
    };

    /// <summary>Why <paramref name="url"/> is refused before any lookup (host not allowed, or a literal address that is not), or null.</summary>
    public string? CheckUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        string host = url.IdnHost.Trim('[', ']');
        if (!_policy.AllowsHost(host))
        {
            return $"the host '{host}' is not among the allowed image hosts ({string.Join(", ", _policy.AllowedHosts)}).";
        }

        return IPAddress.TryParse(host, out IPAddress? literal) && !_policy.Allows(literal)
            ? $"{literal} is not a public address (RemoteImagePolicy.AllowedNetworks can allow a private network)."
            : null;
    }

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string host = context.DnsEndPoint.Host.Trim('[', ']');
        if (!_policy.AllowsHost(host))
        {
            throw new RemoteImageRefusedException($"the host '{host}' is not among the allowed image hosts ({string.Join(", ", _policy.AllowedHosts)}).");
        }

        IPAddress[] resolved = IPAddress.TryParse(host, out IPAddress? literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        IPAddress[] allowed = resolved.Where(_policy.Allows).ToArray();
        if (allowed.Length == 0)
        {
            throw new RemoteImageRefusedException(
                $"'{host}' resolves to {string.Join(", ", resolved.Select(a => a.ToString()))}, not a public address "
                + "(RemoteImagePolicy.AllowedNetworks can allow a private network).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
