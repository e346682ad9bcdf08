using M6Search.Encoder;
using M6Search.Search.Encoding;

namespace M6Search.Web.Jobs;

/// <summary>
/// The app's one encoder, for the indexing pipeline: every call takes its turn in the query embedder, so a job and
/// shoppers' queries never run the model at once. The pipeline calls it from its own encoder thread, which may block.
/// Disposing does nothing: the search runtime owns the encoder.
/// </summary>
public sealed class SerializedEncoder : IProductEncoder
{
    private readonly QueryEmbedder _embedder;

    public SerializedEncoder(QueryEmbedder embedder)
    {
        _embedder = embedder;
    }

    public int Dimension => _embedder.Dimension;

    public int ImageSize => _embedder.ImageSize;

    public string ModelVersion => _embedder.ModelVersion;

    public float[][] EmbedTexts(IReadOnlyList<string> texts) =>
        _embedder.RunAsync(encoder => encoder.EmbedTexts(texts)).GetAwaiter().GetResult();

    public float[][] EmbedImages(IReadOnlyList<float[]> images) =>
        _embedder.RunAsync(encoder => encoder.EmbedImages(images)).GetAwaiter().GetResult();

    public void Dispose()
    {
    }
}
