using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace M6Search.Encoder.Backbone.Modules;

/// <summary>
/// A 2-D convolution with a bias and ONNX-style (possibly asymmetric) padding, computed exactly
/// (<see cref="ExactPadding"/>). In the backbone each one carries a BatchNormalization folded into its weight and bias.
/// The weight is kept in channels-last memory order; call <c>contiguous()</c> on it before anything that needs the
/// default order (a <c>view</c>, or raw data access).
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
        // [out, in, kh, kw] stored channels-last (out, kh, kw, in in memory), like the activations: libtorch's CPU
        // convolution (oneDNN) then runs without converting layouts; loading copies values in and keeps the layout.
        _weight = new Parameter(zeros(outChannels, geometry.KernelHeight, geometry.KernelWidth, inChannels).permute(0, 3, 1, 2));
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
