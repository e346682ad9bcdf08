using M6Search.Encoder.Backbone.Import;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Backbone.Modules;

/// <summary>
/// Folds an inference-mode BatchNormalization into the convolution before it:
/// <c>W' = W * gamma / sqrt(var + eps)</c> per output channel and <c>b' = (b - mean) * gamma / sqrt(var + eps) + beta</c>,
/// computed with TorchSharp's <c>fuse_conv_bn_weights</c> in float64 and rounded to float32 once.
/// </summary>
public static class BatchNormFolding
{
    /// <summary>The folded weight [out, in, kh, kw] and bias [out], float32, on the CPU.</summary>
    public static (Tensor Weight, Tensor Bias) Fold(ImportedConvBatchNorm layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        using var scope = torch.NewDisposeScope();
        var weight = Float64(layer.Weight);
        var bias = layer.Bias is null ? zeros(layer.Weight.Shape[0], dtype: float64) : Float64(layer.Bias);
        var (foldedWeight, foldedBias) = nn.utils.fuse_conv_bn_weights(
            weight, bias, Float64(layer.Mean), Float64(layer.Variance), layer.Epsilon,
            Float64(layer.Scale), Float64(layer.Shift), transpose: false);
        var result = (foldedWeight.detach().to(float32).MoveToOuterDisposeScope(), foldedBias.detach().to(float32).MoveToOuterDisposeScope());
        return result;
    }

    private static Tensor Float64(OnnxFloatTensor tensor) => torch.tensor(tensor.Values, tensor.Shape).to(float64);
}
