using M6Search.Imaging.Tests.TestImages;
using SkiaSharp;

namespace M6Search.Imaging.Tests.Decoding;

public sealed class FormatDecodingTests
{
    private static readonly (byte, byte, byte)[] Palette = [(255, 0, 0), (0, 0, 255), (0, 255, 0), (255, 255, 255)];

    private readonly ImageLoader _loader = new();

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg, 24)]
    [InlineData(SKEncodedImageFormat.Png, 0)]
    [InlineData(SKEncodedImageFormat.Webp, 24)]
    public void LoadSquare_KeepsLeftRedAndRightBlue_ForFormatsSkiaEncodes(SKEncodedImageFormat format, int tolerance)
    {
        var bytes = SkiaImages.LeftRedRightBlue(32, 32, format);

        using var square = _loader.LoadSquare(bytes, $"halves.{format}", 32);

        ColorAssert.Near(SkiaImages.Red, square, 4, 16, tolerance);
        ColorAssert.Near(SkiaImages.Blue, square, 27, 16, tolerance);
    }

    [Fact]
    public void LoadSquare_DecodesTheFirstFrameOnly_ForAnAnimatedGif()
    {
        var left = Enumerable.Range(0, 64).Select(i => (byte)(i % 8 < 4 ? 0 : 1)).ToArray();
        var green = Enumerable.Repeat((byte)2, 64).ToArray();
        var gif = GifBuilder.Build(8, 8, Palette, left, green);
        using (var codec = SKCodec.Create(new SKMemoryStream(gif)))
        {
            Assert.Equal(SKEncodedImageFormat.Gif, codec.EncodedFormat);
            Assert.Equal(2, codec.FrameCount);
        }

        using var square = _loader.LoadSquare(gif, "two-frames.gif", 8);

        ColorAssert.Near(SkiaImages.Red, square, 1, 4);
        ColorAssert.Near(SkiaImages.Blue, square, 6, 4);
    }

    [Fact]
    public void LoadSquare_DecodesABottomUpBmp_TopRowFirst()
    {
        var bmp = BmpBuilder.Build(8, 8, (_, y) => y < 4 ? ((byte)255, (byte)0, (byte)0) : ((byte)0, (byte)0, (byte)255));

        using var square = _loader.LoadSquare(bmp, "halves.bmp", 8);

        ColorAssert.Near(SkiaImages.Red, square, 4, 1);
        ColorAssert.Near(SkiaImages.Blue, square, 4, 6);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, 0)]
    [InlineData(SKEncodedImageFormat.Jpeg, 3)]
    public void LoadSquare_GivesEqualChannels_ForGrayscaleImages(SKEncodedImageFormat format, int tolerance)
    {
        var bytes = SkiaImages.Gray(16, 16, 40, 200, format);

        using var square = _loader.LoadSquare(bytes, $"gray.{format}", 16);

        ColorAssert.Near(new SKColor(40, 40, 40), square, 2, 8, tolerance);
        ColorAssert.Near(new SKColor(200, 200, 200), square, 13, 8, tolerance);
    }

    [Fact]
    public void LoadSquare_ReducesSixteenBitPngSamples_ToTheirEightBitValues()
    {
        // 0x8080 = 128 x 257, so the exact 8-bit value is 128 whether the decoder scales or keeps the high byte.
        var png = PngBuilder.Build(2, 2, bitDepth: 16, colorType: 2,
        [
            PngBuilder.Row16(0xFFFF, 0x0000, 0x0000, 0x8080, 0x4040, 0x0000),
            PngBuilder.Row16(0x0000, 0x2020, 0xFFFF, 0x1010, 0x1010, 0x1010),
        ]);

        using var square = _loader.LoadSquare(png, "deep.png", 2);

        ColorAssert.Near(new SKColor(255, 0, 0), square, 0, 0);
        ColorAssert.Near(new SKColor(128, 64, 0), square, 1, 0);
        ColorAssert.Near(new SKColor(0, 32, 255), square, 0, 1);
        ColorAssert.Near(new SKColor(16, 16, 16), square, 1, 1);
    }

    [Fact]
    public void LoadSquare_CompositesSixteenBitAlpha_OverWhite()
    {
        // Colour type 6 (RGBA), 16 bits: each row is a fully transparent red pixel, then an opaque blue one.
        var row = PngBuilder.Row16(0xFFFF, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0xFFFF, 0xFFFF);
        var png = PngBuilder.Build(2, 2, bitDepth: 16, colorType: 6, [row, row]);

        using var square = _loader.LoadSquare(png, "deep-alpha.png", 2);

        ColorAssert.Near(SKColors.White, square, 0, 0);
        ColorAssert.Near(SkiaImages.Blue, square, 1, 1);
    }

    [Fact]
    public void LoadSquare_MakesTransparentPixelsWhite_EvenWhenTheirHiddenColourIsGreen()
    {
        // Straight (unpremultiplied) RGBA: green with alpha 0, then red with alpha 128, on both rows.
        byte[] row = [0, 255, 0, 0, 255, 0, 0, 128];
        var png = PngBuilder.Build(2, 2, bitDepth: 8, colorType: 6, [row, row]);

        using var square = _loader.LoadSquare(png, "alpha.png", 2);

        ColorAssert.Near(SKColors.White, square, 0, 0);
        ColorAssert.Near(SKColors.White, square, 0, 1);
        ColorAssert.Near(new SKColor(255, 127, 127), square, 1, 0, 2);
    }

    [Fact]
    public void LoadSquare_MakesAFullyTransparentPngWhite()
    {
        var png = SkiaImages.Solid(16, 16, new SKColor(0, 0, 0, 0), SKEncodedImageFormat.Png);

        using var square = _loader.LoadSquare(png, "clear.png", 8);

        ColorAssert.Near(SKColors.White, square, 0, 0);
        ColorAssert.Near(SKColors.White, square, 7, 7);
    }

    [Fact]
    public void LoadSquare_ConvertsInvertedAdobeCmykJpeg_ToRgb()
    {
        // Stored inverted: 255 means no ink. Red = magenta + yellow ink; blue = cyan + magenta ink.
        var jpeg = CmykJpegBuilder.Build(2, 2, (column, _) => column == 0 ? ((byte)255, (byte)0, (byte)0, (byte)255) : ((byte)0, (byte)0, (byte)255, (byte)255));
        using (var codec = SKCodec.Create(new SKMemoryStream(jpeg)))
        {
            Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            Assert.Equal(16, codec.Info.Width);
        }

        using var square = _loader.LoadSquare(jpeg, "cmyk.jpg", 16);

        ColorAssert.Near(SkiaImages.Red, square, 3, 8, 2);
        ColorAssert.Near(SkiaImages.Blue, square, 12, 8, 2);
    }

    [Fact]
    public void Load_ReportsFullResolutionSize_WhenTheDecoderShrinks()
    {
        var jpeg = SkiaImages.LeftRedRightBlue(1024, 512, SKEncodedImageFormat.Jpeg);

        var image = _loader.Load(jpeg, "big.jpg", 32);

        Assert.Equal(1024, image.OriginalWidth);
        Assert.Equal(512, image.OriginalHeight);
        Assert.Equal(32, image.Size);
        Assert.Equal(3 * 32 * 32, image.Chw.Length);
        Assert.Equal("big.jpg", image.Source);
    }
}
