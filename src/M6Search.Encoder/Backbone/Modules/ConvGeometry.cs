namespace M6Search.Encoder.Backbone.Modules;

/// <summary>Kernel, stride and padding of one 2-D convolution or pooling (no dilation, one group).</summary>
public readonly record struct ConvGeometry(int KernelHeight, int KernelWidth, int StrideHeight, int StrideWidth, Padding2d Padding)
{
    /// <summary>A square kernel with the same stride on both axes.</summary>
    public static ConvGeometry Square(int kernel, int stride, Padding2d padding) => new(kernel, kernel, stride, stride, padding);

    /// <summary>Output height for an input of <paramref name="height"/> rows.</summary>
    public long OutputHeight(long height) =>
        Padding2d.OutputLength(height, Padding.Top, Padding.Bottom, KernelHeight, StrideHeight);

    /// <summary>Output width for an input of <paramref name="width"/> columns.</summary>
    public long OutputWidth(long width) =>
        Padding2d.OutputLength(width, Padding.Left, Padding.Right, KernelWidth, StrideWidth);

    /// <summary>e.g. <c>kernel 7x7, stride 2x2, pads 3/3/2/2</c>.</summary>
    public override string ToString() =>
        $"kernel {KernelHeight}x{KernelWidth}, stride {StrideHeight}x{StrideWidth}, pads {Padding}";
}
