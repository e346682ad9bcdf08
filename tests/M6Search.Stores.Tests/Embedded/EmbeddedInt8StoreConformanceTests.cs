using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded;
using M6Search.Stores.Tests.Conformance;
using M6Search.Stores.Tests.TestSupport;

namespace M6Search.Stores.Tests.Embedded;

/// <summary>
/// The conformance suite against the embedded store with int8 quantisation: rescoring with the stored float vectors
/// must make it behave exactly like the float store on these small collections.
/// </summary>
public sealed class EmbeddedInt8StoreConformanceTests : VectorStoreConformanceTests
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

    private EmbeddedStoreOptions Options() => new()
    {
        DataDirectory = _directory.Path,
        Quantization = VectorQuantization.Int8,
        RescoreMultiplier = 4,
        RowsPerBlock = 64,
    };
}
