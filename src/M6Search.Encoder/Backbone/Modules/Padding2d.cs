namespace M6Search.Encoder.Backbone.Modules;

/// <summary>
/// Zero (or, for max pooling, minus-infinity) padding on each side of a feature map, in ONNX's order of the <c>pads</c>
/// attribute for 2-D: top, left, bottom, right. Exports such as the CNTK ResNet18 pad asymmetrically (3/3/2/2 for the
/// 7x7 stride-2 stem), which a symmetric <c>padding</c> argument cannot express for every input size.
/// </summary>
public readonly record struct Padding2d(int Top, int Left, int Bottom, int Right)
{
    /// <summary>The same padding <paramref name="value"/> on every side.</summary>
    public static Padding2d Uniform(int value) => new(value, value, value, value);

    /// <summary>Top equals bottom and left equals right.</summary>
    public bool IsSymmetric => Top == Bottom && Left == Right;

    /// <summary>
    /// True when each leading side pads at least as much as its trailing side. Then padding the leading amount on both
    /// sides and cutting surplus outputs from the end gives exactly the asymmetric result: every window that both
    /// layouts produce starts at the same place, and the extra trailing padding is never read by those windows.
    /// </summary>
    public bool LeadingDominates => Top >= Bottom && Left >= Right;

    /// <summary>Output length along one axis, as ONNX defines it (floor division).</summary>
    public static long OutputLength(long input, int padBegin, int padEnd, int kernel, int stride) =>
        ((input + padBegin + padEnd - kernel) / stride) + 1;

    /// <summary>ONNX's <c>pads</c> for 2-D: top/left/bottom/right.</summary>
    public override string ToString() => $"{Top}/{Left}/{Bottom}/{Right}";
}
