using M6Search.Imaging.Remote;

namespace M6Search.Imaging;

/// <summary>
/// Limits and normalisation for <see cref="ImageLoader"/>. An <see cref="ImageLoader"/> reads these once, when it is
/// constructed; changing the object afterwards does not affect loaders that already exist.
/// </summary>
public sealed class ImageLoadOptions
{
    /// <summary>20 MiB.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>40 megapixels (40,000,000), e.g. 8000 x 5000.</summary>
    public const long DefaultMaxPixels = 40_000_000;

    /// <summary>Largest accepted encoded size in bytes (file, upload or HTTP body). Checked before anything is decoded.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>
    /// Largest accepted width x height, read from the image header before any pixel memory is allocated, so that a
    /// small file declaring a huge image (a decompression bomb) is rejected cheaply.
    /// </summary>
    public long MaxPixels { get; set; } = DefaultMaxPixels;

    /// <summary>
    /// Largest bitmap actually decoded, in pixels, after any reduced-size decoding: JPEG (in eighths) and WebP decode
    /// small when the target square is small, but PNG, GIF and BMP always decode at full size, so this bounds the pixel
    /// memory of one decode (4 bytes a pixel). Default <see cref="DefaultMaxPixels"/>; uploads use a smaller budget.
    /// </summary>
    public long MaxDecodedPixels { get; set; } = DefaultMaxPixels;

    /// <summary>Per-channel (R, G, B) mean subtracted from x / 255. Default 0.5.</summary>
    public float[] Mean { get; set; } = [0.5f, 0.5f, 0.5f];

    /// <summary>Per-channel (R, G, B) standard deviation dividing (x / 255 - mean). Default 0.5, so values lie in [-1, 1].</summary>
    public float[] Std { get; set; } = [0.5f, 0.5f, 0.5f];

    /// <summary>HTTP timeouts, retries and the on-disk cache for http(s) sources.</summary>
    public RemoteImageOptions Remote { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (MaxBytes <= 0)
        {
            throw new ArgumentException($"{nameof(ImageLoadOptions)}.{nameof(MaxBytes)} must be positive, was {MaxBytes}.");
        }

        if (MaxPixels <= 0)
        {
            throw new ArgumentException($"{nameof(ImageLoadOptions)}.{nameof(MaxPixels)} must be positive, was {MaxPixels}.");
        }

        if (MaxDecodedPixels <= 0)
        {
            throw new ArgumentException($"{nameof(ImageLoadOptions)}.{nameof(MaxDecodedPixels)} must be positive, was {MaxDecodedPixels}.");
        }

        ValidateChannels(Mean, nameof(Mean), requirePositive: false);
        ValidateChannels(Std, nameof(Std), requirePositive: true);
        if (Remote is null)
        {
            throw new ArgumentException($"{nameof(ImageLoadOptions)}.{nameof(Remote)} must not be null.");
        }

        Remote.Validate();
    }

    private static void ValidateChannels(float[]? values, string name, bool requirePositive)
    {
        if (values is null || values.Length != 3)
        {
            throw new ArgumentException($"{nameof(ImageLoadOptions)}.{name} must have exactly 3 values (R, G, B).");
        }

        foreach (var value in values)
        {
            if (!float.IsFinite(value) || (requirePositive && value <= 0f))
            {
                var requirement = requirePositive ? "finite and positive" : "finite";
                throw new ArgumentException($"{nameof(ImageLoadOptions)}.{name} values must be {requirement}, got {value}.");
            }
        }
    }
}
