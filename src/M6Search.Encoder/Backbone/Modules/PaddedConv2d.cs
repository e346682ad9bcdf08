using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace M6Search.Encoder.Backbone.Modules;

/// <summary>
/// A 2-D convolution with a bias and ONNX-style (possibly asymmetric) padding, computed exactly
/// (<see cref="ExactPadding"/>). In the backbone each one carries a BatchNormalization folded into its weight and bias.
/// </summary>
public sealed class PaddedConv2d : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "weight")]
    private readonly Parameter _weight;

    [ComponentName(Name = "bias")]
    private readonly Parameter _bias;

    /// <summary>A convolution of zeros, to be filled by loading weights.</summary>
    public PaddedConv2d(string name, long inChannels, long outChannels, ConvGeometry geometry)
        : base(name)
    {
        Geometry = geometry;
        _weight = new Parameter(zeros(outChannels, inChannels, geometry.KernelHeight, geometry.KernelWidth));
        _bias = new Parameter(zeros(outChannels));
        RegisterComponents();
    }

    public ConvGeometry Geometry { get; }

    /// <summary>[out, in, kh, kw].</summary>
    public Parameter Weight => _weight;

    /// <summary>[out].</summary>
    public Parameter Bias => _bias;

    public override Tensor forward(Tensor input) =>
        ExactPadding.Apply(input, Geometry, 0.0, (x, padding) => nn.functional.conv2d(
            x, _weight, _bias, strides: [Geometry.StrideHeight, Geometry.StrideWidth], padding: padding));
}
