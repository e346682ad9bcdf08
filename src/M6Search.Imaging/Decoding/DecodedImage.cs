using SkiaSharp;

namespace M6Search.Imaging.Decoding;

/// <summary>
/// Pixels as stored in the file (EXIF orientation not yet applied), 8-bit RGBA in sRGB, possibly decoded at a
/// reduced size. Owns <see cref="Bitmap"/>.
/// </summary>
internal sealed class DecodedImage : IDisposable
{
    public DecodedImage(SKBitmap bitmap, SKEncodedOrigin origin, SKEncodedImageFormat format, int encodedWidth, int encodedHeight)
    {
        Bitmap = bitmap;
        Origin = origin;
        Format = format;
        var swapsAxes = ImageOrientation.SwapsAxes(origin);
        OriginalWidth = swapsAxes ? encodedHeight : encodedWidth;
        OriginalHeight = swapsAxes ? encodedWidth : encodedHeight;
    }

    /// <summary>Premultiplied (or opaque) RGBA 8888 pixels in stored orientation.</summary>
    public SKBitmap Bitmap { get; }

    /// <summary>The EXIF orientation; <see cref="SKEncodedOrigin.TopLeft"/> when there is none.</summary>
    public SKEncodedOrigin Origin { get; }

    public SKEncodedImageFormat Format { get; }

    /// <summary>Full-resolution width as displayed, after orientation.</summary>
    public int OriginalWidth { get; }

    /// <summary>Full-resolution height as displayed, after orientation.</summary>
    public int OriginalHeight { get; }

    public void Dispose() => Bitmap.Dispose();
}
