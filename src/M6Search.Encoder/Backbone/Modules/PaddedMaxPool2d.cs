using static TorchSharp.torch;

namespace M6Search.Encoder.Backbone.Modules;

/// <summary>2-D max pooling with ONNX-style (possibly asymmetric) padding, computed exactly; padding never wins a max.</summary>
public sealed class PaddedMaxPool2d : nn.Module<Tensor, Tensor>
{
    public PaddedMaxPool2d(string name, ConvGeometry geometry)
        : base(name)
    {
        Geometry = geometry;
    }

    public ConvGeometry Geometry { get; }

    public override Tensor forward(Tensor input) =>
        ExactPadding.Apply(input, Geometry, double.NegativeInfinity, (x, padding) => nn.functional.max_pool2d(
            x,
            [Geometry.KernelHeight, Geometry.KernelWidth],
            strides: [Geometry.StrideHeight, Geometry.StrideWidth],
            padding: padding));
}
