using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>A linear layer with float32 weights that multiplies in the encoder's <see cref="ComputePrecision"/>.</summary>
public sealed class PrecisionLinear : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "weight")]
    private readonly Parameter _weight;

    [ComponentName(Name = "bias")]
    private readonly Parameter? _bias;

    private readonly ComputePrecision _precision;

    /// <summary>y = x W^T + b, W initialised the Switch way with <paramref name="initScale"/>.</summary>
    public PrecisionLinear(
        string name, long inFeatures, long outFeatures, bool hasBias, double initScale, ComputePrecision precision, Generator? generator)
        : base(name)
    {
        _precision = precision ?? throw new ArgumentNullException(nameof(precision));
        _weight = new Parameter(torch.empty(outFeatures, inFeatures));
        SwitchInit.TruncatedNormal(_weight, inFeatures, initScale, generator);
        _bias = hasBias ? new Parameter(torch.zeros(outFeatures)) : null;
        RegisterComponents();
    }

    /// <summary>The weight, [out, in].</summary>
    public Parameter Weight => _weight;

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Tensor? bias = _bias is null ? null : _precision.Cast(_bias);
        return nn.functional.linear(_precision.Cast(input), _precision.Cast(_weight), bias);
    }
}
