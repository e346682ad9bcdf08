using M6Search.Encoder.Backbone.Import;
using M6Search.Encoder.Runtime;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace M6Search.Encoder.Backbone.Preprocessing;

/// <summary>
/// The package's ResNetPreprocess.onnx in TorchSharp: RGB pixels (0-255, in the <see cref="BackbonePixelInput"/>
/// encoding the caller uses) to BGR minus the stored per-pixel ImageNet mean image. The mean image is 224 x 224; for
/// another input size it is resized bilinearly (half-pixel centres, no antialiasing), which is the identity at 224.
/// The mean image is a buffer, so the module moves to CUDA with the backbone.
/// </summary>
public sealed class ResNetPreprocess : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "mean_image")]
    private readonly Tensor _meanImage;

    [ComponentName(Name = "scale")]
    private readonly Tensor _scale;

    [ComponentName(Name = "offset")]
    private readonly Tensor _offset;

    // Not a Tensor field: a cache, not state (see Shift).
    private readonly Dictionary<(long Height, long Width, string Device), Tensor> _shifts = [];

    /// <param name="name">Module name.</param>
    /// <param name="meanImage">[1, 3, H, W] in BGR order, as stored in ResNetPreprocess.onnx.</param>
    /// <param name="input">How the incoming floats encode the pixels.</param>
    public ResNetPreprocess(string name, OnnxFloatTensor meanImage, BackbonePixelInput input)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(meanImage);
        ArgumentNullException.ThrowIfNull(input);
        if (meanImage.Shape is not [1, 3, > 0, > 0])
        {
            throw new ArgumentException($"The mean image must be [1, 3, H, W], got {meanImage.ShapeText}.", nameof(meanImage));
        }

        Input = input;
        _meanImage = torch.tensor(meanImage.Values, meanImage.Shape);
        // pixel = (value * std + mean) * scale, per RGB channel; listed here in BGR order to match the flipped input.
        _scale = torch.tensor(new[] { input.Std[2] * input.PixelScale, input.Std[1] * input.PixelScale, input.Std[0] * input.PixelScale }).reshape(1, 3, 1, 1);
        _offset = torch.tensor(new[] { input.Mean[2] * input.PixelScale, input.Mean[1] * input.PixelScale, input.Mean[0] * input.PixelScale }).reshape(1, 3, 1, 1);
        RegisterComponents();
    }

    /// <summary>The pixel encoding this module expects.</summary>
    public BackbonePixelInput Input { get; }

    /// <summary>Side lengths of the stored mean image (224 x 224 for the package).</summary>
    public (long Height, long Width) MeanImageSize => (_meanImage.shape[2], _meanImage.shape[3]);

    /// <summary>Reads the mean image from ResNetPreprocess.onnx (<see cref="ResNetPreprocessImporter"/>).</summary>
    /// <exception cref="BackboneImportException">The file is missing, unreadable or computes something else.</exception>
    public static ResNetPreprocess FromOnnx(string preprocessFile, BackbonePixelInput input) =>
        new("preprocess", ResNetPreprocessImporter.ImportMeanImage(preprocessFile), input);

    /// <summary>[B, 3, H, W] RGB in <see cref="Input"/>'s encoding to [B, 3, H, W] BGR minus the mean image.</summary>
    public override Tensor forward(Tensor pixels)
    {
        if (pixels.dim() != 4 || pixels.shape[1] != 3)
        {
            throw new ArgumentException($"Expected RGB images [B, 3, H, W], got [{string.Join(", ", pixels.shape)}].", nameof(pixels));
        }

        using var scope = torch.NewDisposeScope();
        // For Raw input this is exactly ONNX's Sub: bgr * 1 + (0 - mean).
        return pixels.flip(1).mul_(_scale).PlusInPlace(Shift(pixels.shape[2], pixels.shape[3])).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_shifts)
            {
                foreach (var shift in _shifts.Values)
                {
                    shift.Dispose();
                }

                _shifts.Clear();
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// <c>offset - mean image</c> at this input size on the mean image's device, computed once (the bilinear resize
    /// of the mean image is most of the preprocessing's cost at batch 1) and kept out of the dispose scopes.
    /// </summary>
    private Tensor Shift(long height, long width)
    {
        var key = (height, width, _meanImage.device.ToString());
        lock (_shifts)
        {
            if (_shifts.TryGetValue(key, out var cached))
            {
                return cached;
            }

            // A plain tensor even when the caller is in inference mode, so that later training passes may use it.
            using var normal = torch.inference_mode(false);
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var mean = (height, width) == MeanImageSize
                ? _meanImage
                : nn.functional.interpolate(_meanImage, size: [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
            var shift = mean.neg().PlusInPlace(_offset).DetachFromDisposeScope();
            _shifts.Add(key, shift);
            return shift;
        }
    }
}
