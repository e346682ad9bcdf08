using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;
using M6Search.Stores.Tests.Conformance;
using M6Search.Stores.Tests.TestSupport;

namespace M6Search.Stores.Tests.Embedded;

/// <summary>The conformance suite against the embedded store, one temporary data directory per test.</summary>
public sealed class EmbeddedStoreConformanceTests : VectorStoreConformanceTests
{
    private readonly TemporaryDirectory _directory = new();

    protected override async Task<IProductVectorStore> CreateStoreAsync(string collection, CancellationToken cancellationToken) =>
        await EmbeddedProductVectorStore.OpenAsync(Options(), collection, cancellationToken);

    protected override async Task<IProductVectorStore> ReopenStoreAsync(string collection, CancellationToken cancellationToken) =>
        await EmbeddedProductVectorStore.OpenAsync(Options(), collection, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _directory.Dispose();
        }

        base.Dispose(disposing);
    }

    private EmbeddedStoreOptions Options() => new() { DataDirectory = _directory.Path, RowsPerBlock = 64 };
}
