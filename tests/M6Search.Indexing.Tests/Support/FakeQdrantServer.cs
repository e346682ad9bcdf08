using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace M6Search.Indexing.Tests.Support;

/// <summary>
/// A loopback HTTP server that answers Qdrant's alias calls from an in-memory alias table (as Qdrant 1.19's OpenAPI
/// shapes them), for running the real <c>m6</c> program against it. Only the alias endpoints exist.
/// </summary>
public sealed class FakeQdrantServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly HashSet<string> _collections;

    public FakeQdrantServer(IEnumerable<string> collections, IDictionary<string, string>? aliases = null)
    {
        _collections = collections.ToHashSet(StringComparer.Ordinal);
        Aliases = new ConcurrentDictionary<string, string>(aliases ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        int port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Alias to collection, as the server holds them now.</summary>
    public ConcurrentDictionary<string, string> Aliases { get; }

    /// <summary>"METHOD /path api-key=KEY body" of every request.</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // Stopping the listener ends the pending GetContextAsync this way.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context = await _listener.GetContextAsync().ConfigureAwait(false);
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync().ConfigureAwait(false);
            string path = context.Request.Url!.AbsolutePath;
            _requests.Enqueue($"{context.Request.HttpMethod} {path} api-key={context.Request.Headers["api-key"]} {body}");
            (int status, string reply) = Answer(context.Request.HttpMethod, path, body);
            byte[] bytes = Encoding.UTF8.GetBytes(reply);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
    }

    private (int Status, string Body) Answer(string method, string path, string body)
    {
        const string Ok = "\"status\":\"ok\",\"time\":0.0001";
        switch (method, path)
        {
            case ("GET", "/aliases"):
                return (200, "{\"result\":{\"aliases\":[" + string.Join(",", Aliases.Select(a => $"{{\"alias_name\":\"{a.Key}\",\"collection_name\":\"{a.Value}\"}}")) + "]}," + Ok + "}");
            case ("POST", "/collections/aliases"):
                // Enough of ChangeAliasesOperation for delete_alias + create_alias, applied together or not at all.
                using (var document = System.Text.Json.JsonDocument.Parse(body))
                {
                    var changed = new Dictionary<string, string>(Aliases, StringComparer.Ordinal);
                    foreach (System.Text.Json.JsonElement action in document.RootElement.GetProperty("actions").EnumerateArray())
                    {
                        if (action.TryGetProperty("delete_alias", out System.Text.Json.JsonElement delete))
                        {
                            changed.Remove(delete.GetProperty("alias_name").GetString()!);
                        }
                        else if (action.TryGetProperty("create_alias", out System.Text.Json.JsonElement create))
                        {
                            string collection = create.GetProperty("collection_name").GetString()!;
                            if (!_collections.Contains(collection))
                            {
                                return (404, $"{{\"status\":{{\"error\":\"Not found: Collection `{collection}` doesn't exist!\"}},\"time\":0.0001}}");
                            }

                            changed[create.GetProperty("alias_name").GetString()!] = collection;
                        }
                    }

                    Aliases.Clear();
                    foreach ((string alias, string collection) in changed)
                    {
                        Aliases[alias] = collection;
                    }
                }

                return (200, "{\"result\":true," + Ok + "}");
            default:
                return (404, "{\"status\":{\"error\":\"Not found: no such endpoint in the fake\"},\"time\":0.0001}");
        }
    }
}
