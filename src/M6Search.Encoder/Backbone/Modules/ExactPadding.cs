using static TorchSharp.torch;

namespace M6Search.Encoder.Backbone.Modules;

/// <summary>
/// Runs a convolution or pooling that takes a symmetric <c>padding</c> argument with the exact result of ONNX's
/// asymmetric <see cref="Padding2d"/>. Symmetric pads go straight through. When the leading side pads more (the CNTK
/// export's 3/3/2/2 and 1/1/0/0), the leading amount is padded on both sides and any surplus trailing output is cut
/// off, which reads the same input windows without copying the input (see <see cref="Padding2d.LeadingDominates"/>);
/// for input sides that are multiples of 32 there is no surplus at all. Any other layout pads the difference
/// explicitly first (with <c>padValue</c>: zero for convolutions, minus infinity for max pooling).
/// </summary>
internal static class ExactPadding
{
    public static Tensor Apply(Tensor input, ConvGeometry geometry, double padValue, Func<Tensor, long[], Tensor> operation)
    {
        var pads = geometry.Padding;
        if (pads.IsSymmetric)
        {
            return operation(input, [pads.Top, pads.Left]);
        }

        if (pads.LeadingDominates)
        {
            long height = geometry.OutputHeight(input.shape[^2]);
            long width = geometry.OutputWidth(input.shape[^1]);
            var output = operation(input, [pads.Top, pads.Left]);
            if (output.shape[^2] == height && output.shape[^1] == width)
            {
                return output;
            }

            return output.narrow(-2, 0, height).narrow(-1, 0, width);
        }

        int padHeight = Math.Min(pads.Top, pads.Bottom);
        int padWidth = Math.Min(pads.Left, pads.Right);
        var padded = nn.functional.pad(
            input,
            [pads.Left - padWidth, pads.Right - padWidth, pads.Top - padHeight, pads.Bottom - padHeight],
            value: padValue);
        return operation(padded, [padHeight, padWidth]);
    }
}
