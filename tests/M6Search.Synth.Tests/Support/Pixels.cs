using M6Search.Synth.Rendering;
using M6Search.Synth.Vocabulary;
using SkiaSharp;

namespace M6Search.Synth.Tests.Support;

/// <summary>Pixel statistics over the product body of a rendered image.</summary>
public static class Pixels
{
    /// <summary>Pixels fully inside the body (mask 255).</summary>
    public static IEnumerable<(int X, int Y, SKColor Color)> Body(RenderedProduct rendered)
    {
        int size = rendered.Image.Width;
        byte[] mask = rendered.Mask ?? throw new InvalidOperationException("Render with includeMask: true.");
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                if (mask[y * size + x] == 255)
                {
                    yield return (x, y, rendered.Image.GetPixel(x, y));
                }
            }
        }
    }

    public static float Luma(SKColor c) => 0.299f * c.Red + 0.587f * c.Green + 0.114f * c.Blue;

    /// <summary>The colour key whose swatch is nearest (RGB distance) to most body pixels.</summary>
    public static string DominantColorKey(RenderedProduct rendered) =>
        Body(rendered)
            .GroupBy(p => Nearest(p.Color))
            .OrderByDescending(g => g.Count())
            .First().Key;

    public static string Nearest(SKColor c) =>
        SynthVocabulary.Colors
            .OrderBy(s => Sq(s.Swatch.Red - c.Red) + Sq(s.Swatch.Green - c.Green) + Sq(s.Swatch.Blue - c.Blue))
            .First().Key;

    /// <summary>Variance of the per-row mean luma (stripes across) and of the per-column mean luma (ribs down) over a central window.</summary>
    public static (double Rows, double Columns) RowAndColumnVariance(RenderedProduct rendered, SKRectI window)
    {
        var rows = new List<double>();
        var columns = new List<double>();
        for (int y = window.Top; y < window.Bottom; y++)
        {
            rows.Add(Enumerable.Range(window.Left, window.Width).Average(x => Luma(rendered.Image.GetPixel(x, y))));
        }

        for (int x = window.Left; x < window.Right; x++)
        {
            columns.Add(Enumerable.Range(window.Top, window.Height).Average(y => Luma(rendered.Image.GetPixel(x, y))));
        }

        return (Variance(rows), Variance(columns));
    }

    public static double Variance(IReadOnlyCollection<double> values)
    {
        double mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / values.Count;
    }

    private static int Sq(int v) => v * v;
}
