using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>
/// Cuts images into non-overlapping square patches and projects each to a token: the same as a convolution with
/// kernel = stride = patch size, written as reshape + linear so it runs in the encoder's compute precision.
/// </summary>
public sealed class PatchEmbedding : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "projection")]
    private readonly PrecisionLinear _projection;

    private readonly int _patchSize;

    /// <summary>Patches of <paramref name="patchSize"/> pixels to <paramref name="modelDim"/> wide tokens.</summary>
    public PatchEmbedding(string name, int patchSize, int modelDim, double initScale, ComputePrecision precision, Generator? init)
        : base(name)
    {
        _patchSize = patchSize;
        _projection = new PrecisionLinear("projection", 3 * patchSize * patchSize, modelDim, true, initScale, precision, init);
        RegisterComponents();
    }

    /// <summary>[B, 3, H, W] to [B, (H/p)(W/p), d] in row-major patch order.</summary>
    public override Tensor forward(Tensor images)
    {
        long batch = images.shape[0];
        long rows = images.shape[2] / _patchSize;
        long columns = images.shape[3] / _patchSize;
        Tensor patches = images
            .view(batch, 3, rows, _patchSize, columns, _patchSize)
            .permute(0, 2, 4, 1, 3, 5)
            .reshape(batch, rows * columns, 3L * _patchSize * _patchSize);
        return _projection.call(patches).to_type(ScalarType.Float32);
    }
}
