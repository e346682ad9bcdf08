using System.Text;
using M6Search.Imaging.Errors;
using M6Search.Imaging.Tests.TestImages;
using SkiaSharp;

namespace M6Search.Imaging.Tests.Decoding;

public sealed class BadInputTests : IDisposable
{
    private readonly ImageLoader _loader = new();
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_ReportsEmpty_ForZeroBytes()
    {
        var error = Assert.Throws<ImageLoadException>(() => _loader.Load([], "upload.jpg", 32));

        Assert.Equal(ImageErrorKind.Empty, error.Kind);
        Assert.Equal("upload.jpg", error.ImageSource);
    }

    [Fact]
    public async Task LoadAsync_ReportsEmpty_ForAnEmptyFile()
    {
        var path = _temp.File("empty.png", []);

        var error = await Assert.ThrowsAsync<ImageLoadException>(() => _loader.LoadAsync(path, 32));

        Assert.Equal(ImageErrorKind.Empty, error.Kind);
    }

    [Fact]
    public async Task LoadAsync_ReportsNotAnImage_NamingThePath_ForATextFile()
    {
        var path = _temp.File("notes.jpg", Encoding.UTF8.GetBytes("This is a text file, not a photo of a mug.\n"));

        var error = await Assert.ThrowsAsync<ImageLoadException>(() => _loader.LoadAsync(path, 32));

        Assert.Equal(ImageErrorKind.NotAnImage, error.Kind);
        Assert.Equal(path, error.ImageSource);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReportsNotAnImage_ForRandomBytes()
    {
        var bytes = new byte[4096];
        new Random(12345).NextBytes(bytes);

        var error = Assert.Throws<ImageLoadException>(() => _loader.Load(bytes, "noise.bin", 32));

        Assert.Equal(ImageErrorKind.NotAnImage, error.Kind);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void Load_ReportsTruncated_ForAFileCutInHalf(SKEncodedImageFormat format)
    {
        var whole = SkiaImages.Noise(128, 128, format);
        var half = whole[..(whole.Length / 2)];
        _ = _loader.Load(whole, "whole", 32);

        var error = Assert.Throws<ImageLoadException>(() => _loader.Load(half, $"half.{format}", 32));

        Assert.Equal(ImageErrorKind.Truncated, error.Kind);
    }

    [Fact]
    public void Load_ReportsTruncated_ForAGifCutInHalf()
    {
        var indices = Enumerable.Range(0, 64 * 64).Select(i => (byte)(i % 3)).ToArray();
        var whole = GifBuilder.Build(64, 64, [(255, 0, 0), (0, 0, 255), (0, 255, 0), (255, 255, 255)], indices);
        _ = _loader.Load(whole, "whole.gif", 32);

        var error = Assert.Throws<ImageLoadException>(() => _loader.Load(whole[..(whole.Length / 2)], "half.gif", 32));

        Assert.Equal(ImageErrorKind.Truncated, error.Kind);
    }

    [Fact]
    public void Load_ReportsTruncated_WhenOnlyThePngSignatureIsLeft()
    {
        var png = SkiaImages.Noise(16, 16, SKEncodedImageFormat.Png);

        var error = Assert.Throws<ImageLoadException>(() => _loader.Load(png[..12], "stub.png", 32));

        Assert.Equal(ImageErrorKind.Truncated, error.Kind);
    }

    [Fact]
    public void Load_ReportsCorrupt_ForPngWithInvalidCompressedData()
    {
        // A zlib header followed by bytes that are not a valid deflate stream (block type 3 is reserved).
        byte[] idat = [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
        var png = PngBuilder.BuildWithImageData(16, 16, 8, 2, idat);

        var error = Assert.Throws<ImageLoadException>(() => _loader.Load(png, "garbled.png", 32));

        Assert.Equal(ImageErrorKind.Corrupt, error.Kind);
    }

    [Fact]
    public void Load_RejectsADecompressionBomb_FromItsHeader()
    {
        // The header claims 100000 x 100000 (10 gigapixels, 40 GB as RGBA); only a few bytes of pixel data follow.
        var idat = PngBuilder.Compress(new byte[64]);
        var bomb = PngBuilder.BuildWithImageData(100_000, 100_000, 8, 2, idat);

        var error = Assert.Throws<ImageLoadException>(() => _loader.Load(bomb, "bomb.png", 224));

        Assert.Equal(ImageErrorKind.TooManyPixels, error.Kind);
        Assert.Contains("100000 x 100000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReportsTooManyPixels_AboveTheConfiguredLimit()
    {
        var loader = new ImageLoader(new ImageLoadOptions { MaxPixels = 255 });
        var png = SkiaImages.LeftRedRightBlue(16, 16, SKEncodedImageFormat.Png);

        var error = Assert.Throws<ImageLoadException>(() => loader.Load(png, "256-pixels.png", 8));

        Assert.Equal(ImageErrorKind.TooManyPixels, error.Kind);
    }

    [Fact]
    public void Load_ReportsTooLarge_WhenTheBytesExceedMaxBytes()
    {
        var png = SkiaImages.Noise(32, 32, SKEncodedImageFormat.Png);
        var loader = new ImageLoader(new ImageLoadOptions { MaxBytes = png.Length - 1 });

        var error = Assert.Throws<ImageLoadException>(() => loader.Load(png, "upload.png", 8));

        Assert.Equal(ImageErrorKind.TooLarge, error.Kind);
    }

    [Fact]
    public async Task LoadAsync_ReportsTooLarge_ForAFileAboveMaxBytes()
    {
        var png = SkiaImages.Noise(32, 32, SKEncodedImageFormat.Png);
        var path = _temp.File("large.png", png);
        var loader = new ImageLoader(new ImageLoadOptions { MaxBytes = png.Length - 1 });

        var error = await Assert.ThrowsAsync<ImageLoadException>(() => loader.LoadAsync(path, 8));

        Assert.Equal(ImageErrorKind.TooLarge, error.Kind);
        Assert.Equal(path, error.ImageSource);
    }

    [Fact]
    public async Task LoadAsync_ReportsNotFound_ForAMissingFile()
    {
        var path = Path.Combine(_temp.Path, "missing", "cup.jpg");

        var error = await Assert.ThrowsAsync<ImageLoadException>(() => _loader.LoadAsync(path, 32));

        Assert.Equal(ImageErrorKind.NotFound, error.Kind);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_ReportsNotFound_ForADirectory()
    {
        var error = await Assert.ThrowsAsync<ImageLoadException>(() => _loader.LoadAsync(_temp.Path, 32));

        Assert.Equal(ImageErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void Load_ReportsUnsupportedFormat_ForWbmp()
    {
        // Wireless bitmap: type 0, fixed header 0, width 8, height 8, then one byte (8 one-bit pixels) per row.
        byte[] wbmp = [0x00, 0x00, 0x08, 0x08, 0xF0, 0xF0, 0xF0, 0xF0, 0x0F, 0x0F, 0x0F, 0x0F];

        var error = Assert.Throws<ImageLoadException>(() => _loader.Load(wbmp, "old-phone.wbmp", 8));

        Assert.Equal(ImageErrorKind.UnsupportedFormat, error.Kind);
        Assert.Contains("Wbmp", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://images.example/cup.jpg")]
    [InlineData("   ")]
    public async Task LoadAsync_ReportsInvalidSource_ForSourcesThatAreNeitherPathsNorHttpUrls(string source)
    {
        var error = await Assert.ThrowsAsync<ImageLoadException>(() => _loader.LoadAsync(source, 32));

        Assert.Equal(ImageErrorKind.InvalidSource, error.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ImageLoader.MaxSize + 1)]
    public void Load_RejectsSquareSidesOutOfRange(int size)
    {
        var png = SkiaImages.LeftRedRightBlue(8, 8, SKEncodedImageFormat.Png);

        Assert.Throws<ArgumentOutOfRangeException>(() => _loader.Load(png, "ok.png", size));
    }

    [Fact]
    public void Load_ThrowsOnlyImageLoadException_ForDamagedFilesOfEveryFormat()
    {
        var originals = new[]
        {
            SkiaImages.Noise(48, 40, SKEncodedImageFormat.Jpeg),
            SkiaImages.Noise(48, 40, SKEncodedImageFormat.Png),
            SkiaImages.Noise(48, 40, SKEncodedImageFormat.Webp),
            GifBuilder.Build(16, 16, [(255, 0, 0), (0, 0, 255), (0, 255, 0), (255, 255, 255)], Enumerable.Range(0, 256).Select(i => (byte)(i % 4)).ToArray()),
            BmpBuilder.Build(16, 16, (x, y) => ((byte)(x * 16), (byte)(y * 16), 0)),
        };
        var random = new Random(2024);
        var failures = 0;
        var decoded = 0;

        foreach (var original in originals)
        {
            for (var trial = 0; trial < 60; trial++)
            {
                var damaged = (byte[])original.Clone();
                var flips = 1 + random.Next(8);
                for (var i = 0; i < flips; i++)
                {
                    damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                }

                if (trial % 3 == 0)
                {
                    damaged = damaged[..random.Next(1, damaged.Length)];
                }

                try
                {
                    _ = _loader.Load(damaged, $"damaged-{trial}", 16);
                    decoded++;
                }
                catch (ImageLoadException)
                {
                    failures++;
                }
            }
        }

        // Any other exception type fails the test by escaping; both outcomes must actually occur.
        Assert.True(failures > 0, "no damaged file was rejected");
        Assert.True(decoded > 0, "no lightly damaged file decoded");
    }
}
