using static TorchSharp.torch;

namespace M6Search.Encoder.Backbone.Modules;

/// <summary>
/// The backbone's outputs for one batch. The tensors belong to the caller's dispose scope like any other result.
/// </summary>
public sealed class BackboneFeatures
{
    /// <summary>[B, 256, H/16, W/16].</summary>
    public required Tensor Stage3 { get; init; }

    /// <summary>[B, 512, H/32, W/32].</summary>
    public required Tensor Stage4 { get; init; }

    /// <summary>[B, 512]: the mean of <see cref="Stage4"/> over its positions.</summary>
    public required Tensor Pooled { get; init; }
}
