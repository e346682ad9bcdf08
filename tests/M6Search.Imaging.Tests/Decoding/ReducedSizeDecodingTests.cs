using M6Search.Imaging.Decoding;
using M6Search.Imaging.Tests.TestImages;
using SkiaSharp;

namespace M6Search.Imaging.Tests.Decoding;

public sealed class ReducedSizeDecodingTests
{
    private readonly ImageDecoder _decoder = new(ImageLoadOptions.DefaultMaxBytes, ImageLoadOptions.DefaultMaxPixels);

    [Fact]
    public void Decode_ShrinksJpegByAnEighth_WhenTheTargetIsSmall()
    {
        var jpeg = SkiaImages.LeftRedRightBlue(1024, 512, SKEncodedImageFormat.Jpeg);

        using var decoded = _decoder.Decode(jpeg, "big.jpg", 64);

        Assert.Equal(128, decoded.Bitmap.Width);
        Assert.Equal(64, decoded.Bitmap.Height);
        Assert.Equal(1024, decoded.OriginalWidth);
    }

    [Fact]
    public void Decode_NeverShrinksJpegBelowTheTarget()
    {
        // 100 / 512 = 0.195 would round to 1/8 (64 rows); the decoder must pick 2/8 (128 rows) instead.
        var jpeg = SkiaImages.LeftRedRightBlue(1024, 512, SKEncodedImageFormat.Jpeg);

        using var decoded = _decoder.Decode(jpeg, "big.jpg", 100);

        Assert.Equal(128, decoded.Bitmap.Height);
    }

    [Fact]
    public void Decode_ShrinksWebpToTheTarget()
    {
        var webp = SkiaImages.LeftRedRightBlue(800, 400, SKEncodedImageFormat.Webp);

        using var decoded = _decoder.Decode(webp, "big.webp", 100);

        Assert.InRange(decoded.Bitmap.Height, 100, 101);
        Assert.InRange(decoded.Bitmap.Width, 200, 202);
    }

    [Fact]
    public void Decode_KeepsFullSize_ForPng()
    {
        var png = SkiaImages.LeftRedRightBlue(256, 128, SKEncodedImageFormat.Png);

        using var decoded = _decoder.Decode(png, "big.png", 32);

        Assert.Equal(256, decoded.Bitmap.Width);
    }

    [Fact]
    public void LoadSquare_KeepsColours_AfterAReducedJpegDecode()
    {
        var jpeg = SkiaImages.LeftRedRightBlue(2048, 1024, SKEncodedImageFormat.Jpeg);
        var loader = new ImageLoader();

        using var square = loader.LoadSquare(jpeg, "big.jpg", 64);

        ColorAssert.Near(SkiaImages.Red, square, 8, 32, 24);
        ColorAssert.Near(SkiaImages.Blue, square, 56, 32, 24);
    }
}
