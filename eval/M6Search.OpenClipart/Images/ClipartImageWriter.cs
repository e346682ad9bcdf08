using SkiaSharp;

namespace M6Search.OpenClipart.Images;

/// <summary>
/// Writes a clip-art PNG as the JPEG a catalog would carry: transparency composited over white, padded with white to a
/// square (clip art is cropped tight to the drawing, where a product photo has room around the product; the indexer
/// centre-crops, which would cut tall drawings), and scaled down so the long side is at most the target size.
/// </summary>
public sealed class ClipartImageWriter(int maxSide, int quality = 90)
{
    /// <summary>Largest source image read, in pixels (the package's largest is about 1,100 x 750).</summary>
    public const long MaxSourcePixels = 40_000_000;

    /// <summary>Converts <paramref name="pngPath"/> into <paramref name="jpegPath"/>.</summary>
    /// <exception cref="InvalidDataException">The PNG cannot be decoded or is larger than <see cref="MaxSourcePixels"/>.</exception>
    public void Write(string pngPath, string jpegPath)
    {
        using SKCodec codec = SKCodec.Create(pngPath)
            ?? throw new InvalidDataException($"{pngPath}: not an image SkiaSharp can decode.");
        SKImageInfo info = codec.Info;
        if ((long)info.Width * info.Height > MaxSourcePixels || info.Width < 1 || info.Height < 1)
        {
            throw new InvalidDataException($"{pngPath}: {info.Width} x {info.Height} pixels is outside what is read (at most {MaxSourcePixels:N0}).");
        }

        using var source = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        SKCodecResult result = codec.GetPixels(source.Info, source.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            throw new InvalidDataException($"{pngPath}: decoding failed ({result}).");
        }

        int longSide = Math.Max(info.Width, info.Height);
        int side = Math.Min(maxSide, longSide);
        float scale = side / (float)longSide;
        using var square = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(square))
        using (var paint = new SKPaint { FilterQuality = SKFilterQuality.High, IsAntialias = true })
        {
            canvas.Clear(SKColors.White);
            float width = info.Width * scale;
            float height = info.Height * scale;
            var target = SKRect.Create((side - width) / 2, (side - height) / 2, width, height);
            canvas.DrawBitmap(source, target, paint);
        }

        using SKData jpeg = square.Encode(SKEncodedImageFormat.Jpeg, quality)
            ?? throw new InvalidDataException($"{pngPath}: JPEG encoding failed.");
        using FileStream output = File.Create(jpegPath);
        jpeg.SaveTo(output);
    }
}
