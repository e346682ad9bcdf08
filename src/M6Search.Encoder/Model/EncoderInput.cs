using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>One batch of one modality for <see cref="MultimodalEncoder"/>.</summary>
public sealed class EncoderInput
{
    private EncoderInput(Tensor? images, Tensor? features, Tensor? colorCells, Tensor? tokenIds, Tensor? tokenMask)
    {
        Images = images;
        Features = features;
        ColorCells = colorCells;
        TokenIds = tokenIds;
        TokenMask = tokenMask;
    }

    /// <summary>[B, 3, S, S] normalised float images (an encoder with its own patch tokens); null otherwise.</summary>
    public Tensor? Images { get; }

    /// <summary>[B, C, h, w] backbone feature maps (an encoder with a <see cref="EncoderConfig.Backbone"/>); null otherwise.</summary>
    public Tensor? Features { get; }

    /// <summary>[B, 3, g k, g k] colour cells that go with <see cref="Features"/> (<see cref="Model.ColorCells"/>); null without colour tokens.</summary>
    public Tensor? ColorCells { get; }

    /// <summary>[B, T] int64 token ids; null for an image batch.</summary>
    public Tensor? TokenIds { get; }

    /// <summary>[B, T] bool, true for real (non-padding) tokens; null for an image batch.</summary>
    public Tensor? TokenMask { get; }

    /// <summary>An image batch for an encoder with its own patch tokens.</summary>
    public static EncoderInput ForImages(Tensor images) => new(images ?? throw new ArgumentNullException(nameof(images)), null, null, null, null);

    /// <summary>An image batch for an encoder that reads a backbone: its feature maps and colour cells.</summary>
    public static EncoderInput ForImageFeatures(Tensor features, Tensor? colorCells) =>
        new(null, features ?? throw new ArgumentNullException(nameof(features)), colorCells, null, null);

    /// <summary>A text batch.</summary>
    public static EncoderInput ForTexts(Tensor tokenIds, Tensor tokenMask) => new(
        null,
        null,
        null,
        tokenIds ?? throw new ArgumentNullException(nameof(tokenIds)),
        tokenMask ?? throw new ArgumentNullException(nameof(tokenMask)));
}
