namespace M6Search.Encoder;

/// <summary>
/// Embeds product images and texts into one L2-normalised space. Synchronous on purpose: it computes inside one
/// TorchSharp dispose scope per batch, which must never span an await.
/// </summary>
public interface IProductEncoder : IDisposable
{
    /// <summary>Length of every embedding.</summary>
    int Dimension { get; }

    /// <summary>Side in pixels of the square images <see cref="EmbedImages"/> takes.</summary>
    int ImageSize { get; }

    /// <summary>Identifies the weights (part of every content hash, so a new model re-embeds everything).</summary>
    string ModelVersion { get; }

    /// <summary>One embedding per text (queries or titles, English or Chinese).</summary>
    float[][] EmbedTexts(IReadOnlyList<string> texts);

    /// <summary>One embedding per image; each image is channel-major RGB, normalised, 3 x ImageSize x ImageSize floats.</summary>
    float[][] EmbedImages(IReadOnlyList<float[]> images);
}
