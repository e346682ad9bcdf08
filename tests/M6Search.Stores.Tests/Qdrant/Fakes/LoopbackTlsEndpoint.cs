using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace M6Search.Stores.Tests.Qdrant.Fakes;

/// <summary>
/// A TLS endpoint on 127.0.0.1 that answers every HTTP/1.1 request with one fixed JSON body and closes the connection.
/// It exists to prove the client's https and custom-CA handling; it is not a Qdrant server. It stops when disposed,
/// and each accept waits at most ten seconds.
/// </summary>
public sealed class LoopbackTlsEndpoint : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly string _replyJson;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _requests;

    public LoopbackTlsEndpoint(X509Certificate2 certificate, string replyJson)
    {
        _certificate = certificate;
        _replyJson = replyJson;
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Requests => Volatile.Read(ref _requests);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var acceptTimeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            acceptTimeout.CancelAfter(TimeSpan.FromSeconds(10));
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(acceptTimeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                try
                {
                    await AnswerAsync(client, acceptTimeout.Token);
                }
                catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
                {
                    // The client refused the certificate or went away: nothing to answer.
                }
            }
        }
    }

    private async Task AnswerAsync(TcpClient client, CancellationToken cancellationToken)
    {
        await using var tls = new SslStream(client.GetStream());
        await tls.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions { ServerCertificate = _certificate, ClientCertificateRequired = false },
            cancellationToken);

        // Read the head, then as many body bytes as Content-Length says.
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await tls.ReadAsync(buffer, cancellationToken) == 0)
            {
                return;
            }

            head.Append((char)buffer[0]);
        }

        string? lengthLine = head.ToString().Split("\r\n").FirstOrDefault(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        int length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var body = new byte[length];
        await tls.ReadExactlyAsync(body, cancellationToken);
        Interlocked.Increment(ref _requests);

        byte[] json = Encoding.UTF8.GetBytes(_replyJson);
        byte[] reply = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {json.Length}\r\nConnection: close\r\n\r\n");
        await tls.WriteAsync(reply, cancellationToken);
        await tls.WriteAsync(json, cancellationToken);
        await tls.FlushAsync(cancellationToken);
    }
}
