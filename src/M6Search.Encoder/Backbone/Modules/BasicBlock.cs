using M6Search.Encoder.Runtime;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace M6Search.Encoder.Backbone.Modules;

/// <summary>
/// ResNet's basic residual block as in pytorch/vision: conv1 (3x3, maybe strided), ReLU, conv2 (3x3), plus the input
/// or its 1x1 strided <c>downsample</c>, ReLU. BatchNormalization is folded into the convolutions.
/// </summary>
public sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "conv1")]
    private readonly PaddedConv2d _conv1;

    [ComponentName(Name = "conv2")]
    private readonly PaddedConv2d _conv2;

    [ComponentName(Name = "downsample")]
    private readonly PaddedConv2d? _downsample;

    /// <param name="name">Module name.</param>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="stride">1, or 2 for the first block of layer2-4 (which then also has a downsample).</param>
    /// <param name="stridedPadding">Padding of the strided 3x3 convolution (the CNTK export uses 1/1/0/0).</param>
    public BasicBlock(string name, long inChannels, long outChannels, int stride, Padding2d stridedPadding)
        : base(name)
    {
        var firstPadding = stride == 1 ? Padding2d.Uniform(1) : stridedPadding;
        _conv1 = new PaddedConv2d("conv1", inChannels, outChannels, ConvGeometry.Square(3, stride, firstPadding));
        _conv2 = new PaddedConv2d("conv2", outChannels, outChannels, ConvGeometry.Square(3, 1, Padding2d.Uniform(1)));
        if (stride != 1 || inChannels != outChannels)
        {
            _downsample = new PaddedConv2d("downsample", inChannels, outChannels, ConvGeometry.Square(1, stride, default));
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        // In-place ReLU and Add on fresh convolution outputs: safe for autograd (a convolution's backward reads its
        // input, not its output) and one allocation fewer per step.
        var shortcut = _downsample is null ? input : _downsample.call(input);
        var x = _conv1.call(input).relu_();
        return _conv2.call(x).PlusInPlace(shortcut).relu_();
    }
}
