using M6Search.Stores.Embedded;

namespace M6Search.Stores.Tests.Embedded;

/// <summary>
/// The conformance suite against the embedded store with int8 quantisation: rescoring with the stored float vectors
/// must make it behave exactly like the float store on these small collections.
/// </summary>
public sealed class EmbeddedInt8StoreConformanceTests : EmbeddedStoreConformanceTests
{
    protected override EmbeddedStoreOptions Options(string dataDirectory) => new()
    {
        DataDirectory = dataDirectory,
        Quantization = VectorQuantization.Int8,
        RescoreMultiplier = 4,
        RowsPerBlock = 64,
    };
}
