using System.Globalization;
using M6Search.Imaging.Errors;
using SkiaSharp;

namespace M6Search.Imaging.Decoding;

/// <summary>
/// Decodes JPEG, PNG, WebP, GIF (first frame) and BMP through <see cref="SKCodec"/> into 8-bit premultiplied RGBA in
/// sRGB. Every limit is checked before pixel memory is allocated, and every failure becomes an
/// <see cref="ImageLoadException"/>: <see cref="SKBitmap.Decode(byte[])"/> is never used because it throws
/// <see cref="ArgumentNullException"/> on bytes it cannot read. Stateless apart from its limits, so one instance may
/// decode on many threads at once.
/// </summary>
internal sealed class ImageDecoder
{
    private static readonly SKColorSpace Srgb = SKColorSpace.CreateSrgb();

    private readonly long _maxBytes;
    private readonly long _maxPixels;
    private readonly long _maxDecodedPixels;

    /// <param name="maxDecodedPixels">Largest bitmap decoded, after any reduced-size decoding (default: <paramref name="maxPixels"/>).</param>
    public ImageDecoder(long maxBytes, long maxPixels, long? maxDecodedPixels = null)
    {
        _maxBytes = maxBytes;
        _maxPixels = maxPixels;
        _maxDecodedPixels = maxDecodedPixels ?? maxPixels;
    }

    /// <summary>True when the bytes start like an image <see cref="SKCodec"/> can open (header only, no pixels).</summary>
    public static bool LooksLikeImage(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return false;
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = CreateCodec(data, out _);
        return codec is not null && IsAccepted(codec.EncodedFormat);
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/>. When <paramref name="minShorterSide"/> is positive and the format can decode
    /// at a reduced size (JPEG in eighths through libjpeg-turbo's DCT scaling, WebP at any size), the result is the
    /// smallest such size whose shorter side is still at least <paramref name="minShorterSide"/>; otherwise it is full size.
    /// </summary>
    public DecodedImage Decode(byte[] bytes, string source, int minShorterSide)
    {
        if (bytes.Length == 0)
        {
            throw ImageErrors.Empty(source);
        }

        if (bytes.Length > _maxBytes)
        {
            throw ImageErrors.TooLarge(source, bytes.Length, _maxBytes);
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = CreateCodec(data, out var createResult)
            ?? throw CreationFailed(source, createResult);

        var format = codec.EncodedFormat;
        if (!IsAccepted(format))
        {
            throw new ImageLoadException(
                ImageErrorKind.UnsupportedFormat,
                source,
                $"the format {format} is not accepted; use JPEG, PNG, WebP, GIF or BMP.");
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new ImageLoadException(ImageErrorKind.Corrupt, source, $"the header declares a {info.Width} x {info.Height} image.");
        }

        var pixelCount = (long)info.Width * info.Height;
        if (pixelCount > _maxPixels)
        {
            throw new ImageLoadException(
                ImageErrorKind.TooManyPixels,
                source,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"the header declares {info.Width} x {info.Height} = {pixelCount:N0} pixels, more than the limit of {_maxPixels:N0} (ImageLoadOptions.MaxPixels)."));
        }

        var origin = codec.EncodedOrigin;
        var alphaType = info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var reduced = ChooseReducedSize(codec, format, info.Size, minShorterSide);

        SKBitmap? bitmap = null;
        if (reduced is { } reducedSize)
        {
            CheckDecodeBudget(reducedSize, format, source);
            bitmap = TryDecodePixels(codec, reducedSize, alphaType, source, out var reducedResult);
            if (bitmap is null && reducedResult != SKCodecResult.InvalidScale)
            {
                throw PixelsFailed(source, format, reducedResult, bytes);
            }
        }

        if (bitmap is null)
        {
            CheckDecodeBudget(info.Size, format, source);
            bitmap = TryDecodePixels(codec, info.Size, alphaType, source, out var fullResult)
                ?? throw PixelsFailed(source, format, fullResult, bytes);
        }

        return new DecodedImage(bitmap, origin, format, info.Width, info.Height);
    }

    /// <summary>Refuses a decode whose bitmap would exceed the budget, before any pixel memory is allocated.</summary>
    private void CheckDecodeBudget(SKSizeI size, SKEncodedImageFormat format, string source)
    {
        long pixels = (long)size.Width * size.Height;
        if (pixels > _maxDecodedPixels)
        {
            throw new ImageLoadException(
                ImageErrorKind.TooManyPixels,
                source,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"decoding this {format} takes {size.Width} x {size.Height} = {pixels:N0} pixels, more than the limit of {_maxDecodedPixels:N0} (ImageLoadOptions.MaxDecodedPixels); PNG, GIF and BMP cannot be decoded at a reduced size."));
        }
    }

    private static bool IsAccepted(SKEncodedImageFormat format) =>
        format is SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp
            or SKEncodedImageFormat.Gif or SKEncodedImageFormat.Bmp;

    private static SKCodec? CreateCodec(SKData data, out SKCodecResult result)
    {
        // On failure Skia has already released the native stream, so disposing the managed wrapper frees nothing twice.
        var stream = new SKMemoryStream(data);
        var codec = SKCodec.Create(stream, out result);
        if (codec is null)
        {
            stream.Dispose();
        }

        return codec;
    }

    private static SKSizeI? ChooseReducedSize(SKCodec codec, SKEncodedImageFormat format, SKSizeI full, int minShorterSide)
    {
        var shorter = Math.Min(full.Width, full.Height);
        if (minShorterSide <= 0 || shorter <= minShorterSide)
        {
            return null;
        }

        var scale = (float)minShorterSide / shorter;

        // Skia rounds the requested scale to the nearest size it supports; ask for one that cannot round below the
        // target: JPEG decodes in eighths, WebP rounds each side to the nearest pixel.
        var request = format == SKEncodedImageFormat.Jpeg
            ? MathF.Ceiling((scale * 8f) - 1e-4f) / 8f
            : (minShorterSide + 0.5f) / shorter;
        if (request >= 1f)
        {
            return null;
        }

        var scaled = codec.GetScaledDimensions(request);
        var usable = scaled.Width > 0 && scaled.Height > 0
            && scaled.Width <= full.Width && scaled.Height <= full.Height
            && (scaled.Width < full.Width || scaled.Height < full.Height)
            && Math.Min(scaled.Width, scaled.Height) >= minShorterSide;
        return usable ? scaled : null;
    }

    private static SKBitmap? TryDecodePixels(SKCodec codec, SKSizeI size, SKAlphaType alphaType, string source, out SKCodecResult result)
    {
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alphaType, Srgb);
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            throw new ImageLoadException(
                ImageErrorKind.TooManyPixels,
                source,
                string.Create(CultureInfo.InvariantCulture, $"could not allocate {info.BytesSize64:N0} bytes for {size.Width} x {size.Height} pixels."));
        }

        result = codec.GetPixels(info, bitmap.GetPixels(), bitmap.RowBytes, SKCodecOptions.Default);
        if (result == SKCodecResult.Success)
        {
            bitmap.SetImmutable();
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    private static ImageLoadException CreationFailed(string source, SKCodecResult result) =>
        result switch
        {
            SKCodecResult.Unimplemented => new ImageLoadException(
                ImageErrorKind.NotAnImage, source, "the data is not in a recognised image format (JPEG, PNG, WebP, GIF or BMP expected)."),
            SKCodecResult.IncompleteInput => new ImageLoadException(
                ImageErrorKind.Truncated, source, "the data ends inside the image header."),
            _ => new ImageLoadException(ImageErrorKind.Corrupt, source, $"the image header is invalid (decoder result {result})."),
        };

    // IncompleteInput means decoding stopped early and the remaining rows were left blank. Such an image is rejected
    // rather than used, so that a cut download or a damaged file is reported instead of silently training on blank
    // rows. Skia gives IncompleteInput both when the data runs out and when compressed data is invalid, so the file's
    // own end marker decides between Truncated and Corrupt.
    private static ImageLoadException PixelsFailed(string source, SKEncodedImageFormat format, SKCodecResult result, byte[] bytes) =>
        result switch
        {
            SKCodecResult.IncompleteInput when !ContainerEnd.IsPresent(bytes, format) => new ImageLoadException(
                ImageErrorKind.Truncated, source, $"the {format} data ends before the last row of pixels."),
            SKCodecResult.IncompleteInput => new ImageLoadException(
                ImageErrorKind.Corrupt, source, $"the {format} file is complete but its pixel data is damaged: decoding stopped early."),
            SKCodecResult.InvalidConversion => new ImageLoadException(
                ImageErrorKind.UnsupportedFormat, source, $"this {format} pixel layout cannot be converted to 8-bit RGBA."),
            _ => new ImageLoadException(
                ImageErrorKind.Corrupt, source, $"the {format} pixel data is invalid (decoder result {result})."),
        };
}
