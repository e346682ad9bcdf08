using M6Search.Imaging.Decoding;
using M6Search.Imaging.Errors;
using M6Search.Imaging.Tests.TestImages;
using SkiaSharp;

namespace M6Search.Imaging.Tests.Decoding;

/// <summary><see cref="ImageLoadOptions.MaxDecodedPixels"/> bounds the bitmap a decode allocates, after any reduced-size decoding.</summary>
public sealed class DecodeBudgetTests
{
    private readonly ImageDecoder _decoder = new(ImageLoadOptions.DefaultMaxBytes, ImageLoadOptions.DefaultMaxPixels, maxDecodedPixels: 100_000);

    [Fact]
    public void Decode_RefusesAPng_ThatWouldDecodeOverTheBudget()
    {
        byte[] png = SkiaImages.Solid(400, 400, SkiaImages.Red, SKEncodedImageFormat.Png);

        var error = Assert.Throws<ImageLoadException>(() => _decoder.Decode(png, "big.png", 64));

        Assert.Equal(ImageErrorKind.TooManyPixels, error.Kind);
        Assert.Contains("MaxDecodedPixels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ReadsAJpegOfTheSameSize_AtAReducedSizeWithinTheBudget()
    {
        byte[] jpeg = SkiaImages.Solid(400, 400, SkiaImages.Red, SKEncodedImageFormat.Jpeg);

        using DecodedImage decoded = _decoder.Decode(jpeg, "big.jpg", 64);

        Assert.True((long)decoded.Bitmap.Width * decoded.Bitmap.Height <= 100_000);
    }

    [Fact]
    public void Decode_RefusesAJpeg_WhoseTargetNeedsMoreThanTheBudget()
    {
        byte[] jpeg = SkiaImages.Solid(400, 400, SkiaImages.Red, SKEncodedImageFormat.Jpeg);

        Assert.Throws<ImageLoadException>(() => _decoder.Decode(jpeg, "big.jpg", 390));
    }
}
