using SkiaSharp;

namespace M6Search.Imaging.Tests.TestImages;

internal static class ColorAssert
{
    /// <summary>Asserts that pixel (x, y) of <paramref name="bitmap"/> is within <paramref name="tolerance"/> of <paramref name="expected"/> in every channel.</summary>
    public static void Near(SKColor expected, SKBitmap bitmap, int x, int y, int tolerance = 0)
    {
        var (r, g, b) = SkiaImages.Rgb(bitmap, x, y);
        var ok = Math.Abs(r - expected.Red) <= tolerance
            && Math.Abs(g - expected.Green) <= tolerance
            && Math.Abs(b - expected.Blue) <= tolerance;
        Assert.True(
            ok,
            $"Pixel ({x}, {y}) is ({r}, {g}, {b}); expected ({expected.Red}, {expected.Green}, {expected.Blue}) within {tolerance}.");
    }
}
