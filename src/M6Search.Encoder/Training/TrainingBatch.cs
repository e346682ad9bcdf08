using M6Search.Encoder.Tokenization;
using static TorchSharp.torch;

namespace M6Search.Encoder.Training;

/// <summary>
/// Matching image-text pairs: row i of <see cref="Images"/> shows the product described by row i of the texts. The
/// caller owns the tensors (on any device; the trainer moves slices to its device).
/// </summary>
/// <param name="Images">[B, 3, S, S] float32, normalised as the encoder expects.</param>
/// <param name="TokenIds">[B, T] int64.</param>
/// <param name="TokenMask">[B, T] bool, true for real tokens.</param>
public sealed record TrainingBatch(Tensor Images, Tensor TokenIds, Tensor TokenMask)
{
    /// <summary>Number of pairs.</summary>
    public int Count => (int)Images.shape[0];

    /// <summary>A batch from images and tokenized texts (tensors on the CPU).</summary>
    public static TrainingBatch From(Tensor images, TokenBatch texts)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(texts);
        return new TrainingBatch(images, texts.IdsTensor(), texts.MaskTensor());
    }
}
