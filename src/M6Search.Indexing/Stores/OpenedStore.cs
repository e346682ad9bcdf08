using M6Search.Stores.Abstractions;

namespace M6Search.Indexing.Stores;

/// <summary>A store opened by <see cref="ProductStoreFactory"/>, with whatever it needs to close (HTTP clients, locks).</summary>
public sealed class OpenedStore : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owner;

    internal OpenedStore(IProductVectorStore store, IAsyncDisposable? owner)
    {
        Store = store;
        _owner = owner;
    }

    /// <summary>The open store.</summary>
    public IProductVectorStore Store { get; }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync().ConfigureAwait(false);
        if (_owner is not null)
        {
            await _owner.DisposeAsync().ConfigureAwait(false);
        }
    }
}
