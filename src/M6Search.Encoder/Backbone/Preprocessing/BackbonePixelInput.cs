using M6Search.Imaging;

namespace M6Search.Encoder.Backbone.Preprocessing;

/// <summary>
/// How the RGB, channel-major floats handed to <see cref="ResNetPreprocess"/> encode the 0-255 pixel values:
/// <c>value = (pixel / PixelScale - Mean[c]) / Std[c]</c>, the same formula as <see cref="ImageLoadOptions"/>. The
/// preprocessing undoes it exactly in one fused multiply-add, so the encoder's usual batch (mean 0.5, std 0.5) can feed
/// the backbone without decoding the images twice.
/// </summary>
public sealed record BackbonePixelInput
{
    public BackbonePixelInput(IReadOnlyList<float> mean, IReadOnlyList<float> std, float pixelScale)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Count != 3 || std.Count != 3 || mean.Any(m => !float.IsFinite(m)) || std.Any(s => !float.IsFinite(s) || s <= 0f))
        {
            throw new ArgumentException("Pixel input needs 3 finite means and 3 finite, positive standard deviations (R, G, B).");
        }

        if (!float.IsFinite(pixelScale) || pixelScale <= 0f)
        {
            throw new ArgumentException($"Pixel scale must be finite and positive, got {pixelScale}.", nameof(pixelScale));
        }

        Mean = mean.ToArray();
        Std = std.ToArray();
        PixelScale = pixelScale;
    }

    /// <summary>The pixel values themselves, 0-255 (mean 0, std 1, scale 1).</summary>
    public static BackbonePixelInput Raw { get; } = new([0f, 0f, 0f], [1f, 1f, 1f], 1f);

    /// <summary>Per-channel (R, G, B) mean of the encoding.</summary>
    public IReadOnlyList<float> Mean { get; }

    /// <summary>Per-channel (R, G, B) standard deviation of the encoding.</summary>
    public IReadOnlyList<float> Std { get; }

    /// <summary>What the pixel is divided by before the mean is taken: 255 for <see cref="ImageLoader"/>, 1 for <see cref="Raw"/>.</summary>
    public float PixelScale { get; }

    /// <summary>The encoding of an <see cref="ImageLoader"/> built with <paramref name="options"/> (its mean and std, scale 255).</summary>
    public static BackbonePixelInput From(ImageLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BackbonePixelInput(options.Mean, options.Std, 255f);
    }
}
