using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>
/// The dtype matrix multiplications run in, shared by every module of one encoder. TorchSharp 0.107 has no
/// <c>torch.autocast</c>, so the modules do what autocast would: parameters stay float32 (the optimizer updates float32
/// master weights) and are cast to <see cref="Type"/> at the point of use; LayerNorm, softmax, the router, the losses and
/// the residual stream stay float32.
/// </summary>
public sealed class ComputePrecision
{
    /// <summary>float32 (the default, and the only sensible choice on the CPU) or bfloat16 (CUDA training).</summary>
    public ScalarType Type { get; set; } = ScalarType.Float32;

    /// <summary><paramref name="tensor"/> in <see cref="Type"/>; the same tensor when it already is.</summary>
    public Tensor Cast(Tensor tensor) => tensor.dtype == Type ? tensor : tensor.to_type(Type);
}
