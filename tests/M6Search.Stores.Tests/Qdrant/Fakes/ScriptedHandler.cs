using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace M6Search.Stores.Tests.Qdrant.Fakes;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that answers each request with what the test scripted (a reply, or an exception
/// to throw) and records every request, including each retry. It is a test double of the transport, not a server.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    /// <param name="respond">Gets the request and its 1-based index among all requests; returns the reply or throws.</param>
    public ScriptedHandler(Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _respond = respond;
    }

    public ScriptedHandler(Func<RecordedRequest, HttpResponseMessage> respond)
        : this((request, _, _) => Task.FromResult(respond(request)))
    {
    }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static HttpResponseMessage Json(HttpStatusCode status, string json) => new(status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = request.Headers.ToDictionary(header => header.Key, header => string.Join(",", header.Value), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, body, headers);
        _requests.Enqueue(recorded);
        return await _respond(recorded, _requests.Count, cancellationToken).ConfigureAwait(false);
    }
}
