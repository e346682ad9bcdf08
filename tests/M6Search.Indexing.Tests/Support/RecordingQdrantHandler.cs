using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace M6Search.Indexing.Tests.Support;

/// <summary>
/// A transport double for the Qdrant store: records every request and answers "collection does not exist", then
/// accepts its creation and describes it back (dense vectors of <see cref="Dimension"/>), and accepts payload indexes.
/// Replies are shaped as in Qdrant 1.19's OpenAPI (the store tests check that shape against the spec).
/// </summary>
public sealed class RecordingQdrantHandler : HttpMessageHandler
{
    public const int Dimension = 4;

    private readonly ConcurrentQueue<(HttpMethod Method, string Path, string? Body)> _requests = new();

    public IReadOnlyList<(HttpMethod Method, string Path, string? Body)> Requests => _requests.ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string path = request.RequestUri!.AbsolutePath;
        _requests.Enqueue((request.Method, path, body));
        string reply = (request.Method.Method, path.EndsWith("/exists", StringComparison.Ordinal), path.EndsWith("/index", StringComparison.Ordinal)) switch
        {
            ("GET", true, _) => """{"result":{"exists":false},"status":"ok","time":0.00002}""",
            ("PUT", _, true) => """{"result":{"operation_id":7,"status":"completed"},"status":"ok","time":0.001}""",
            ("PUT", _, _) => """{"result":true,"status":"ok","time":0.05}""",
            ("GET", _, _) => """
                {"result":{"status":"green","optimizer_status":"ok","points_count":0,"segments_count":2,
                 "config":{"params":{"vectors":{"image":{"size":DIM,"distance":"Cosine"},"text":{"size":DIM,"distance":"Cosine"}},
                 "shard_number":1,"replication_factor":1,"write_consistency_factor":1,"sparse_vectors":{"lexical":{"modifier":"none"}}}},
                 "payload_schema":{}},"status":"ok","time":0.0003}
                """.Replace("DIM", Dimension.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            _ => throw new InvalidOperationException($"No reply scripted for {request.Method} {path}."),
        };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(reply, Encoding.UTF8, "application/json") };
    }
}
