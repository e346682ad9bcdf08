using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>What <see cref="MultimodalEncoder.EncodeImageFeatures"/> reads for one batch of images.</summary>
/// <param name="Features">[B, C, h, w] backbone feature maps.</param>
/// <param name="ColorCells">[B, 3, g k, g k] colour cells (<see cref="Model.ColorCells"/>); null without colour tokens.</param>
public sealed record ImageFeatures(Tensor Features, Tensor? ColorCells);
