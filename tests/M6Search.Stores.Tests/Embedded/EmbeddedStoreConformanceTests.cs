using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;
using M6Search.Stores.Tests.Conformance;
using M6Search.Stores.Tests.TestSupport;

namespace M6Search.Stores.Tests.Embedded;

/// <summary>The conformance suite against the embedded store, one temporary data directory per test.</summary>
public class EmbeddedStoreConformanceTests : VectorStoreConformanceTests
{
    private readonly TemporaryDirectory _directory = new();

    protected override async Task<IProductVectorStore> CreateStoreAsync(string collection, CancellationToken cancellationToken) =>
        await EmbeddedProductVectorStore.OpenAsync(Options(_directory.Path), collection, cancellationToken);

    protected override async Task<IProductVectorStore> ReopenStoreAsync(string collection, CancellationToken cancellationToken) =>
        await EmbeddedProductVectorStore.OpenAsync(Options(_directory.Path), collection, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _directory.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The store's settings for one test; a subclass runs the suite under other settings.</summary>
    protected virtual EmbeddedStoreOptions Options(string dataDirectory) => new() { DataDirectory = dataDirectory, RowsPerBlock = 64 };
}
