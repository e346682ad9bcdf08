using SkiaSharp;

namespace M6Search.Imaging.Tests.TestImages;

/// <summary>Test images drawn and encoded with SkiaSharp (it encodes JPEG, PNG and WebP).</summary>
internal static class SkiaImages
{
    public static readonly SKColor Red = new(255, 0, 0);
    public static readonly SKColor Green = new(0, 255, 0);
    public static readonly SKColor Blue = new(0, 0, 255);

    /// <summary>A <paramref name="width"/> x <paramref name="height"/> image, left half red, right half blue.</summary>
    public static byte[] LeftRedRightBlue(int width, int height, SKEncodedImageFormat format, int quality = 95) =>
        Encode(VerticalStripes(width, height, Red, Blue), format, quality);

    /// <summary>Equal-width vertical stripes, left to right, in the given colours.</summary>
    public static SKBitmap VerticalStripes(int width, int height, params SKColor[] colors)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        for (var i = 0; i < colors.Length; i++)
        {
            using var paint = new SKPaint { Color = colors[i] };
            canvas.DrawRect(new SKRect(width * i / (float)colors.Length, 0, width * (i + 1) / (float)colors.Length, height), paint);
        }

        return bitmap;
    }

    public static byte[] Solid(int width, int height, SKColor color, SKEncodedImageFormat format, int quality = 100)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(color);
        return Encode(bitmap, format, quality);
    }

    /// <summary>Deterministic noise, so that the compressed data is long enough to cut in the middle.</summary>
    public static byte[] Noise(int width, int height, SKEncodedImageFormat format, int seed = 7)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * 4];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (i % 4) == 3 ? (byte)255 : (byte)random.Next(256);
        }

        return EncodePixels(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque), pixels, format, 90);
    }

    public static byte[] Gray(int width, int height, byte leftValue, byte rightValue, SKEncodedImageFormat format)
    {
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                pixels[(y * width) + x] = x < width / 2 ? leftValue : rightValue;
            }
        }

        return EncodePixels(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque), pixels, format, 100);
    }

    private static byte[] EncodePixels(SKImageInfo info, byte[] pixels, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromPixelCopy(info, pixels, info.RowBytes);
        using var data = image.Encode(format, quality)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}.");
        return data.ToArray();
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}.");
        return data.ToArray();
    }

    /// <summary>Reads a pixel of an opaque RGBA bitmap as (R, G, B).</summary>
    public static (int R, int G, int B) Rgb(SKBitmap bitmap, int x, int y)
    {
        var color = bitmap.GetPixel(x, y);
        return (color.Red, color.Green, color.Blue);
    }
}
