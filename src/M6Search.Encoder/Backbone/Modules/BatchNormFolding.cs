using M6Search.Encoder.Backbone.Import;
using static TorchSharp.torch;

namespace M6Search.Encoder.Backbone.Modules;

/// <summary>
/// Folds an inference-mode BatchNormalization into the convolution before it:
/// <c>W' = W * gamma / sqrt(var + eps)</c> per output channel and <c>b' = (b - mean) * gamma / sqrt(var + eps) + beta</c>.
/// Computed in double precision in plain loops (no libtorch number arguments, see Runtime/KeptScalars) and rounded to
/// float32 once.
/// </summary>
public static class BatchNormFolding
{
    /// <summary>The folded weight [out, in, kh, kw] and bias [out], float32, on the CPU.</summary>
    public static (Tensor Weight, Tensor Bias) Fold(ImportedConvBatchNorm layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var (weight, bias) = FoldValues(layer);
        return (tensor(weight, layer.Weight.Shape), tensor(bias, [layer.Weight.Shape[0]]));
    }

    /// <summary>The folded weight and bias as row-major float arrays.</summary>
    public static (float[] Weight, float[] Bias) FoldValues(ImportedConvBatchNorm layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        int outChannels = checked((int)layer.Weight.Shape[0]);
        int perChannel = layer.Weight.Values.Length / outChannels;
        var weight = new float[layer.Weight.Values.Length];
        var bias = new float[outChannels];
        for (int o = 0; o < outChannels; o++)
        {
            double scale = layer.Scale.Values[o] / Math.Sqrt((double)layer.Variance.Values[o] + layer.Epsilon);
            double convBias = layer.Bias?.Values[o] ?? 0.0;
            bias[o] = (float)(((convBias - layer.Mean.Values[o]) * scale) + layer.Shift.Values[o]);
            for (int i = o * perChannel; i < (o + 1) * perChannel; i++)
            {
                weight[i] = (float)(layer.Weight.Values[i] * scale);
            }
        }

        return (weight, bias);
    }
}
