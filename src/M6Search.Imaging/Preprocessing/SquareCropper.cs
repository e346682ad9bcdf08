using M6Search.Imaging.Decoding;
using SkiaSharp;

namespace M6Search.Imaging.Preprocessing;

/// <summary>
/// Turns a decoded image into the square the model sees: EXIF orientation applied, the shorter side resized to
/// <c>size</c> with Skia's high-quality filter (mipmaps when shrinking, bicubic when enlarging), the centre kept,
/// and any transparency composited over white. All of it is one draw through one matrix, so no intermediate
/// rotated or resized copy is made.
/// </summary>
internal static class SquareCropper
{
    public static SKBitmap Crop(DecodedImage decoded, int size)
    {
        var stored = decoded.Bitmap;
        var swapsAxes = ImageOrientation.SwapsAxes(decoded.Origin);
        var displayedWidth = swapsAxes ? stored.Height : stored.Width;
        var displayedHeight = swapsAxes ? stored.Width : stored.Height;

        var scale = (float)size / Math.Min(displayedWidth, displayedHeight);
        var offsetX = ((displayedWidth * scale) - size) / 2f;
        var offsetY = ((displayedHeight * scale) - size) / 2f;

        // Output = scale * Orient(stored) - offset, written out so that no concatenation order can be got wrong.
        var (a, b, c, d, e, f) = ImageOrientation.Map(decoded.Origin, stored.Width, stored.Height);
        var matrix = new SKMatrix(
            scale * a, scale * b, (scale * c) - offsetX,
            scale * d, scale * e, (scale * f) - offsetY,
            0, 0, 1);

        var output = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        try
        {
            using var canvas = new SKCanvas(output);
            using var image = SKImage.FromBitmap(stored);
            using var paint = new SKPaint { FilterQuality = SKFilterQuality.High, IsAntialias = false };

            // Drawing premultiplied pixels over opaque white with source-over is exactly "composite over white".
            canvas.Clear(SKColors.White);
            canvas.SetMatrix(matrix);
            canvas.DrawImage(image, 0, 0, paint);
            canvas.Flush();
        }
        catch
        {
            output.Dispose();
            throw;
        }

        return output;
    }
}
