using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>The ordinary transformer feed-forward: linear, GELU, dropout, linear.</summary>
public sealed class DenseFeedForward : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "w_in")]
    private readonly PrecisionLinear _input;

    [ComponentName(Name = "dropout")]
    private readonly RandomDropout _dropout;

    [ComponentName(Name = "w_out")]
    private readonly PrecisionLinear _output;

    /// <summary>A feed-forward d -> <paramref name="hiddenDim"/> -> d.</summary>
    public DenseFeedForward(
        string name, int modelDim, int hiddenDim, double dropout, double initScale, ComputePrecision precision,
        ModelRandomness randomness, Generator? init)
        : base(name)
    {
        _input = new PrecisionLinear("w_in", modelDim, hiddenDim, true, initScale, precision, init);
        _dropout = new RandomDropout("dropout", dropout, randomness);
        _output = new PrecisionLinear("w_out", hiddenDim, modelDim, true, initScale, precision, init);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) =>
        _output.call(_dropout.call(nn.functional.gelu(_input.call(input)))).to_type(ScalarType.Float32);
}
