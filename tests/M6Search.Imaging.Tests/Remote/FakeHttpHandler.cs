namespace M6Search.Imaging.Tests.Remote;

/// <summary>An HTTP server stand-in: answers each request with the responder, counting requests.</summary>
internal sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Func<int, HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _responder;
    private int _requests;

    /// <param name="responder">Gets the 1-based request number, the request and the cancellation token.</param>
    public FakeHttpHandler(Func<int, HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        _responder = responder;
    }

    public int Requests => Volatile.Read(ref _requests);

    public static FakeHttpHandler Always(Func<HttpResponseMessage> response) =>
        new((_, _, _) => Task.FromResult(response()));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _requests);
        return _responder(number, request, cancellationToken);
    }
}
