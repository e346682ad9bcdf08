using M6Search.Search.Encoding;
using M6Search.Search.Searching;
using M6Search.Stores.Abstractions;

namespace M6Search.Web.Runtime;

/// <summary>
/// The search back end, which comes up after the web server (loading a model and opening a large store take seconds):
/// pages and endpoints read <see cref="Phase"/> and get the service once it is running. A singleton.
/// </summary>
public sealed class SearchRuntime
{
    private const string FailedPublicly = "the search back end failed to start; the server log has the reason";

    private volatile State _state = new(RuntimePhase.Starting, "loading the model and opening the store", null, null, null);

    public RuntimePhase Phase => _state.Phase;

    /// <summary>What the back end is doing or why it failed (exception messages included: for logs and admins).</summary>
    public string Problem => _state.Message;

    /// <summary>
    /// What the back end is doing, for anyone to see: <see cref="Problem"/> while it starts, a generic sentence once it
    /// failed (the reason, which may name files or hosts, stays in the server log).
    /// </summary>
    public string PublicStatus => Phase == RuntimePhase.Failed ? FailedPublicly : _state.Message;

    /// <summary>The search service; null until <see cref="Phase"/> is <see cref="RuntimePhase.Running"/>.</summary>
    public IProductSearchService? Search => _state.Search;

    /// <summary>The open store; null until running.</summary>
    public IProductVectorStore? Store => _state.Store;

    /// <summary>The serialised encoder; null until running.</summary>
    public QueryEmbedder? Embedder => _state.Embedder;

    /// <summary>Raised when the phase changes (from a background thread).</summary>
    public event Action? Changed;

    public void SetRunning(IProductSearchService search, IProductVectorStore store, QueryEmbedder? embedder)
    {
        _state = new State(RuntimePhase.Running, "running", search, store, embedder);
        Changed?.Invoke();
    }

    public void SetFailed(string reason)
    {
        _state = new State(RuntimePhase.Failed, reason, null, null, null);
        Changed?.Invoke();
    }

    private sealed record State(RuntimePhase Phase, string Message, IProductSearchService? Search, IProductVectorStore? Store, QueryEmbedder? Embedder);
}
