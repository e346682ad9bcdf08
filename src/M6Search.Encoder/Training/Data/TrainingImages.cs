using static TorchSharp.torch;

namespace M6Search.Encoder.Training.Data;

/// <summary>
/// The image side of a <see cref="PairDataset"/>, one entry per product: decoded pixels (<see cref="DecodedImages"/>)
/// or a locked backbone's cached features (<see cref="Features.CachedFeatureImages"/>), each in one or more views.
/// </summary>
public abstract class TrainingImages
{
    /// <summary>Views per product (1: the image itself; more: augmented views as well).</summary>
    public abstract int Views { get; }

    /// <summary>
    /// The image side of a batch of <paramref name="products"/> (dataset indices) in <paramref name="views"/>, as CPU
    /// tensors in the caller's dispose scope, with the texts' tokens.
    /// </summary>
    public abstract TrainingBatch Batch(IReadOnlyList<int> products, IReadOnlyList<int> views, Tokenization.TokenBatch texts);

    /// <summary>Keeps the entries at <paramref name="indices"/>, in that order (the products a dataset keeps).</summary>
    internal abstract TrainingImages Select(IReadOnlyList<int> indices);
}
