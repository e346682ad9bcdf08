using M6Search.Encoder.Tokenization;
using static TorchSharp.torch;

namespace M6Search.Encoder.Training;

/// <summary>
/// Matching image-text pairs: row i of the image side shows the product described by row i of the texts. The image side
/// is either pixels (<see cref="Images"/>: an encoder with its own patch tokens, or one whose backbone trains) or cached
/// backbone features (<see cref="Features"/> and <see cref="ColorCells"/>: a locked backbone). The caller owns the
/// tensors (on any device; the trainer moves slices to its device).
/// </summary>
/// <param name="Images">[B, 3, S, S] float32, normalised as the encoder expects; null when <see cref="Features"/> are given.</param>
/// <param name="TokenIds">[B, T] int64.</param>
/// <param name="TokenMask">[B, T] bool, true for real tokens.</param>
public sealed record TrainingBatch(Tensor? Images, Tensor TokenIds, Tensor TokenMask)
{
    /// <summary>[B, C, h, w] backbone feature maps (any float type), computed once by a locked backbone; null with <see cref="Images"/>.</summary>
    public Tensor? Features { get; init; }

    /// <summary>[B, 3, g k, g k] colour cells going with <see cref="Features"/>; null without colour tokens.</summary>
    public Tensor? ColorCells { get; init; }

    /// <summary>Number of pairs.</summary>
    public int Count => (int)(Images ?? Features ?? throw new InvalidOperationException("A training batch needs images or features.")).shape[0];

    /// <summary>A batch from images and tokenized texts (tensors on the CPU).</summary>
    public static TrainingBatch From(Tensor images, TokenBatch texts)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(texts);
        return new TrainingBatch(images, texts.IdsTensor(), texts.MaskTensor());
    }

    /// <summary>A batch from cached backbone features and tokenized texts (tensors on the CPU).</summary>
    public static TrainingBatch FromFeatures(Tensor features, Tensor? colorCells, TokenBatch texts)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(texts);
        return new TrainingBatch(null, texts.IdsTensor(), texts.MaskTensor()) { Features = features, ColorCells = colorCells };
    }
}
