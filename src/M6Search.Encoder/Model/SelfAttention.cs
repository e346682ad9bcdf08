using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>Multi-head self-attention (fused QKV projection, PyTorch's scaled dot-product attention kernel).</summary>
public sealed class SelfAttention : nn.Module<Tensor, Tensor?, Tensor>
{
    [ComponentName(Name = "qkv")]
    private readonly PrecisionLinear _qkv;

    [ComponentName(Name = "out")]
    private readonly PrecisionLinear _output;

    private readonly int _heads;

    /// <summary>Attention over <paramref name="modelDim"/> wide tokens with <paramref name="heads"/> heads.</summary>
    public SelfAttention(string name, int modelDim, int heads, double initScale, ComputePrecision precision, Generator? init)
        : base(name)
    {
        _heads = heads;
        _qkv = new PrecisionLinear("qkv", modelDim, 3 * modelDim, true, initScale, precision, init);
        _output = new PrecisionLinear("out", modelDim, modelDim, true, initScale, precision, init);
        RegisterComponents();
    }

    /// <summary>Attends over <paramref name="input"/> [B, T, d]; <paramref name="attentionMask"/> [B, 1, 1, T] is true for real keys.</summary>
    public override Tensor forward(Tensor input, Tensor? attentionMask)
    {
        long batch = input.shape[0];
        long length = input.shape[1];
        long width = input.shape[2];
        Tensor qkv = _qkv.call(input).view(batch, length, 3, _heads, width / _heads).permute(2, 0, 3, 1, 4);
        Tensor attended = nn.functional.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2], attentionMask);
        return _output.call(attended.transpose(1, 2).reshape(batch, length, width));
    }
}
