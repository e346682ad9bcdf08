using M6Search.Imaging.Tests.TestImages;
using SkiaSharp;

namespace M6Search.Imaging.Tests.Preprocessing;

public sealed class ResizeAndCropTests
{
    private readonly ImageLoader _loader = new();

    [Fact]
    public void LoadSquare_KeepsTheMiddleThird_OfAWideImage()
    {
        using var stripes = SkiaImages.VerticalStripes(300, 100, SkiaImages.Red, SkiaImages.Green, SkiaImages.Blue);
        var png = SkiaImages.Encode(stripes, SKEncodedImageFormat.Png, 100);

        using var square = _loader.LoadSquare(png, "wide.png", 50);

        Assert.Equal(50, square.Width);
        Assert.Equal(50, square.Height);
        ColorAssert.Near(SkiaImages.Green, square, 1, 25, 2);
        ColorAssert.Near(SkiaImages.Green, square, 48, 25, 2);
    }

    [Fact]
    public void LoadSquare_KeepsTheMiddle_OfATallImage()
    {
        var bmp = BmpBuilder.Build(20, 60, (_, y) => y < 20 ? ((byte)255, (byte)0, (byte)0) : y < 40 ? ((byte)0, (byte)255, (byte)0) : ((byte)0, (byte)0, (byte)255));

        using var square = _loader.LoadSquare(bmp, "tall.bmp", 10);

        ColorAssert.Near(SkiaImages.Green, square, 5, 0, 2);
        ColorAssert.Near(SkiaImages.Green, square, 5, 9, 2);
    }

    [Fact]
    public void LoadSquare_EnlargesSmallImages()
    {
        var png = SkiaImages.LeftRedRightBlue(4, 4, SKEncodedImageFormat.Png);

        using var square = _loader.LoadSquare(png, "tiny.png", 64);

        Assert.Equal(64, square.Width);
        ColorAssert.Near(SkiaImages.Red, square, 4, 32, 8);
        ColorAssert.Near(SkiaImages.Blue, square, 60, 32, 8);
    }

    [Fact]
    public void Load_GivesIdenticalResults_WhenCalledFromManyThreadsAtOnce()
    {
        var inputs = new[]
        {
            SkiaImages.Noise(200, 150, SKEncodedImageFormat.Jpeg, seed: 1),
            SkiaImages.Noise(150, 200, SKEncodedImageFormat.Png, seed: 2),
            SkiaImages.Noise(120, 120, SKEncodedImageFormat.Webp, seed: 3),
            JpegExif.WithOrientation(SkiaImages.Noise(160, 90, SKEncodedImageFormat.Jpeg, seed: 4), 6),
        };
        var expected = inputs.Select(bytes => _loader.Load(bytes, "sequential", 32).Chw).ToArray();
        var results = new float[inputs.Length * 25][];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2 }, i =>
            results[i] = _loader.Load(inputs[i % inputs.Length], $"parallel-{i}", 32).Chw);

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % inputs.Length], results[i]);
        }
    }
}
