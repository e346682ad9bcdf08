using M6Search.Imaging.Tests.TestImages;
using SkiaSharp;

namespace M6Search.Imaging.Tests.Decoding;

public sealed class OrientationTests
{
    private readonly ImageLoader _loader = new();

    [Fact]
    public void LoadSquare_TurnsTheRedLeftHalfToTheTop_ForExifOrientation6()
    {
        var jpeg = JpegExif.WithOrientation(SkiaImages.LeftRedRightBlue(32, 16, SKEncodedImageFormat.Jpeg), 6);

        using var square = _loader.LoadSquare(jpeg, "rotated.jpg", 16);
        var image = _loader.Load(jpeg, "rotated.jpg", 16);

        ColorAssert.Near(SkiaImages.Red, square, 8, 2, 24);
        ColorAssert.Near(SkiaImages.Blue, square, 8, 13, 24);
        Assert.Equal(16, image.OriginalWidth);
        Assert.Equal(32, image.OriginalHeight);
    }

    // Stored quadrants: red top-left, blue top-right, green bottom-left, white bottom-right. Each EXIF orientation
    // sends the red and blue quadrants to a distinct pair of displayed corners.
    [Theory]
    [InlineData(1, "TL", "TR")]
    [InlineData(2, "TR", "TL")]
    [InlineData(3, "BR", "BL")]
    [InlineData(4, "BL", "BR")]
    [InlineData(5, "TL", "BL")]
    [InlineData(6, "TR", "BR")]
    [InlineData(7, "BR", "TR")]
    [InlineData(8, "BL", "TL")]
    public void LoadSquare_PlacesQuadrantsAsExifOrientationSays(ushort orientation, string redCorner, string blueCorner)
    {
        var jpeg = JpegExif.WithOrientation(Quadrants(), orientation);

        using var square = _loader.LoadSquare(jpeg, $"orientation-{orientation}.jpg", 32);

        var (redX, redY) = Centre(redCorner);
        var (blueX, blueY) = Centre(blueCorner);
        ColorAssert.Near(SkiaImages.Red, square, redX, redY, 24);
        ColorAssert.Near(SkiaImages.Blue, square, blueX, blueY, 24);
    }

    private static byte[] Quadrants()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(32, 32, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            Fill(canvas, 0, 0, SkiaImages.Red);
            Fill(canvas, 16, 0, SkiaImages.Blue);
            Fill(canvas, 0, 16, SkiaImages.Green);
            Fill(canvas, 16, 16, SKColors.White);
        }

        return SkiaImages.Encode(bitmap, SKEncodedImageFormat.Jpeg, 100);
    }

    private static void Fill(SKCanvas canvas, int x, int y, SKColor color)
    {
        using var paint = new SKPaint { Color = color };
        canvas.DrawRect(SKRect.Create(x, y, 16, 16), paint);
    }

    private static (int X, int Y) Centre(string corner) => corner switch
    {
        "TL" => (8, 8),
        "TR" => (24, 8),
        "BL" => (8, 24),
        "BR" => (24, 24),
        _ => throw new ArgumentOutOfRangeException(nameof(corner)),
    };
}
