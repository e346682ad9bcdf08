using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>
/// Turns images into one token per patch. With <see cref="PatchStem.Linear"/> it cuts non-overlapping square patches
/// and projects each to a token (a convolution with kernel = stride = patch size, written as reshape + linear so it
/// runs in the encoder's compute precision); with <see cref="PatchStem.Conv"/> a <see cref="ConvStem"/> first reduces
/// each patch to one cell of features, which the same kind of projection turns into the token.
/// </summary>
public sealed class PatchEmbedding : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "stem")]
    private readonly ConvStem? _stem;

    [ComponentName(Name = "projection")]
    private readonly PrecisionLinear _projection;

    private readonly int _patchSize;

    /// <summary>Patches of <paramref name="patchSize"/> pixels to <paramref name="modelDim"/> wide tokens.</summary>
    public PatchEmbedding(
        string name, PatchStem stem, int patchSize, int modelDim, double initScale, ComputePrecision precision, Generator? init)
        : base(name)
    {
        _patchSize = patchSize;
        long inFeatures = 3L * patchSize * patchSize;
        if (stem == PatchStem.Conv)
        {
            _stem = new ConvStem("stem", patchSize, Math.Max(16, modelDim / 2), init);
            inFeatures = _stem.OutChannels;
        }

        _projection = new PrecisionLinear("projection", inFeatures, modelDim, true, initScale, precision, init);
        RegisterComponents();
    }

    /// <summary>[B, 3, H, W] to [B, (H/p)(W/p), d] in row-major patch order.</summary>
    public override Tensor forward(Tensor images)
    {
        long batch = images.shape[0];
        long rows = images.shape[2] / _patchSize;
        long columns = images.shape[3] / _patchSize;
        Tensor features = _stem is null
            ? images
                .view(batch, 3, rows, _patchSize, columns, _patchSize)
                .permute(0, 2, 4, 1, 3, 5)
                .reshape(batch, rows * columns, 3L * _patchSize * _patchSize)
            : _stem.call(images)
                .permute(0, 2, 3, 1)
                .reshape(batch, rows * columns, _stem.OutChannels);
        return _projection.call(features).to_type(ScalarType.Float32);
    }
}
