using M6Search.Imaging.Preprocessing;
using M6Search.Imaging.Tests.TestImages;
using SkiaSharp;

namespace M6Search.Imaging.Tests.Preprocessing;

public sealed class NormalizationTests
{
    [Fact]
    public void Load_MapsPixelsToMinusOneToOne_WithTheDefaultMeanAndStd()
    {
        var png = SkiaImages.Solid(4, 4, new SKColor(255, 0, 51), SKEncodedImageFormat.Png);

        var image = new ImageLoader().Load(png, "solid.png", 4);

        Assert.All(image.Chw[..16], value => Assert.Equal(1f, value, 1e-6f));
        Assert.All(image.Chw[16..32], value => Assert.Equal(-1f, value, 1e-6f));
        Assert.All(image.Chw[32..], value => Assert.Equal(-0.6f, value, 1e-6f));
    }

    [Fact]
    public void Load_UsesTheConfiguredMeanAndStd_PerChannel()
    {
        var options = new ImageLoadOptions { Mean = [0.485f, 0.456f, 0.406f], Std = [0.229f, 0.224f, 0.225f] };
        var png = SkiaImages.Solid(4, 4, new SKColor(255, 0, 51), SKEncodedImageFormat.Png);

        var image = new ImageLoader(options).Load(png, "solid.png", 4);

        Assert.Equal((1f - 0.485f) / 0.229f, image.Chw[0], 1e-5f);
        Assert.Equal((0f - 0.456f) / 0.224f, image.Chw[16], 1e-5f);
        Assert.Equal((0.2f - 0.406f) / 0.225f, image.Chw[32], 1e-5f);
    }

    [Fact]
    public void Load_WritesRedThenGreenThenBluePlanes_RowByRow()
    {
        // 2 x 2: red, green / blue, white. At size 2 the square is the image itself.
        var png = PngBuilder.Build(2, 2, bitDepth: 8, colorType: 2, [[255, 0, 0, 0, 255, 0], [0, 0, 255, 255, 255, 255]]);

        var chw = new ImageLoader().Load(png, "four.png", 2).Chw;

        Assert.Equal([1f, -1f, -1f, 1f], chw[0..4]);
        Assert.Equal([-1f, 1f, -1f, 1f], chw[4..8]);
        Assert.Equal([-1f, -1f, 1f, 1f], chw[8..12]);
    }

    [Fact]
    public void Normalize_FillsACallerBuffer_AndRejectsOneOfTheWrongLength()
    {
        var loader = new ImageLoader();
        using var square = loader.LoadSquare(SkiaImages.Solid(8, 8, SKColors.White, SKEncodedImageFormat.Png), "white.png", 8);
        var batch = new float[2 * 3 * 8 * 8];

        loader.Normalizer.Normalize(square, batch.AsSpan(3 * 8 * 8));

        Assert.All(batch[..192], value => Assert.Equal(0f, value));
        Assert.All(batch[192..], value => Assert.Equal(1f, value));
        Assert.Throws<ArgumentException>(() => loader.Normalizer.Normalize(square, new float[10]));
    }

    [Fact]
    public void ToRgbBytes_InterleavesRgbWithoutAlpha()
    {
        var png = PngBuilder.Build(2, 2, bitDepth: 8, colorType: 2, [[10, 20, 30, 40, 50, 60], [70, 80, 90, 100, 110, 120]]);
        using var square = new ImageLoader().LoadSquare(png, "values.png", 2);

        var rgb = RgbPixels.ToRgbBytes(square);

        Assert.Equal(new byte[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120 }, rgb);
    }

    [Theory]
    [InlineData(nameof(ImageLoadOptions.Std), 0f)]
    [InlineData(nameof(ImageLoadOptions.Mean), float.NaN)]
    public void Options_RejectInvalidNormalisation_NamingTheSetting(string setting, float badValue)
    {
        var options = new ImageLoadOptions();
        if (setting == nameof(ImageLoadOptions.Std))
        {
            options.Std = [0.5f, badValue, 0.5f];
        }
        else
        {
            options.Mean = [badValue, 0.5f, 0.5f];
        }

        var error = Assert.Throws<ArgumentException>(() => new ImageLoader(options));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_RejectAMeanWithTwoChannels()
    {
        var error = Assert.Throws<ArgumentException>(() => new ImageLoader(new ImageLoadOptions { Mean = [0.5f, 0.5f] }));

        Assert.Contains("Mean", error.Message, StringComparison.Ordinal);
    }
}
