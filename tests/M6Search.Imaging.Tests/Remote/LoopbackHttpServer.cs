using System.Net;
using System.Net.Sockets;
using System.Text;

namespace M6Search.Imaging.Tests.Remote;

/// <summary>
/// A minimal HTTP/1.1 server on a loopback address (one response per connection), for tests that need real sockets:
/// the outbound address policy works at connection time, which a fake message handler never reaches.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<string, (int Status, string? Location, byte[] Body)> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    /// <param name="address">A loopback address such as 127.0.0.1 or 127.0.0.2.</param>
    /// <param name="respond">Gets the request path; returns the status, an optional Location and the body.</param>
    public LoopbackHttpServer(string address, Func<string, (int Status, string? Location, byte[] Body)> respond)
    {
        _respond = respond;
        _listener = new TcpListener(IPAddress.Parse(address), 0);
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Requests => Volatile.Read(ref _requests);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _requests);
            await using NetworkStream stream = client.GetStream();
            string path = await ReadPathAsync(stream);
            (int status, string? location, byte[] body) = _respond(path);
            var head = new StringBuilder()
                .Append("HTTP/1.1 ").Append(status).Append(status == 200 ? " OK" : " Moved").Append("\r\n")
                .Append("Content-Length: ").Append(body.Length).Append("\r\n")
                .Append("Connection: close\r\n");
            if (location is not null)
            {
                head.Append("Location: ").Append(location).Append("\r\n");
            }

            head.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
            await stream.WriteAsync(body, _stop.Token);
        }
    }

    private async Task<string> ReadPathAsync(NetworkStream stream)
    {
        var request = new StringBuilder();
        var buffer = new byte[1024];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                break;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        string[] firstLine = request.ToString().Split("\r\n")[0].Split(' ');
        return firstLine.Length > 1 ? firstLine[1] : "/";
    }
}
