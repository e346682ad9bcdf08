using SkiaSharp;

namespace M6Search.Imaging.Preprocessing;

/// <summary>Plain RGB bytes from a bitmap, for callers that want pixels without Skia (thumbnails, previews).</summary>
public static class RgbPixels
{
    /// <summary>
    /// Row-major interleaved RGB (3 bytes a pixel, no padding) of an opaque RGBA 8888 bitmap, such as the square
    /// returned by <see cref="ImageLoader.LoadSquare(byte[], string, int)"/>. Alpha is dropped.
    /// </summary>
    public static byte[] ToRgbBytes(SKBitmap bitmap)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        if (bitmap.ColorType != SKColorType.Rgba8888)
        {
            throw new ArgumentException($"Expected an Rgba8888 bitmap, got {bitmap.ColorType}.", nameof(bitmap));
        }

        var width = bitmap.Width;
        var height = bitmap.Height;
        var result = new byte[width * height * 3];
        ReadOnlySpan<byte> pixels = bitmap.GetPixelSpan();
        var rowBytes = bitmap.RowBytes;
        var target = result.AsSpan();
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * rowBytes, width * 4);
            var outRow = target.Slice(y * width * 3, width * 3);
            for (var x = 0; x < width; x++)
            {
                outRow[x * 3] = row[x * 4];
                outRow[(x * 3) + 1] = row[(x * 4) + 1];
                outRow[(x * 3) + 2] = row[(x * 4) + 2];
            }
        }

        return result;
    }
}
