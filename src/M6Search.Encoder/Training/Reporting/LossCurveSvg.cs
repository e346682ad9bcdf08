using System.Globalization;
using System.Text;

namespace M6Search.Encoder.Training.Reporting;

/// <summary>
/// Writes loss curves as a self-contained SVG (no plotting dependency: ScottPlot 5 needs SkiaSharp 3, which clashes
/// with the SkiaSharp 2.88 that TorchSharp and our image loader use). Each series is smoothed with a moving average.
/// </summary>
public static class LossCurveSvg
{
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

    /// <summary>Plots the named series of (step, value) points.</summary>
    public static string Render(string title, string yLabel, IReadOnlyList<(string Name, IReadOnlyList<(long Step, double Value)> Points)> series, int smoothing = 25)
    {
        ArgumentNullException.ThrowIfNull(series);
        const double width = 760;
        const double height = 420;
        const double left = 70;
        const double right = 20;
        const double top = 40;
        const double bottom = 50;
        var smoothed = series.Select(s => (s.Name, Points: Smooth(s.Points, smoothing))).ToList();
        var all = smoothed.SelectMany(s => s.Points).ToList();
        long maxStep = all.Count == 0 ? 1 : Math.Max(1, all.Max(p => p.Step));
        double minY = all.Count == 0 ? 0 : all.Min(p => p.Value);
        double maxY = all.Count == 0 ? 1 : all.Max(p => p.Value);
        if (maxY - minY < 1e-9)
        {
            maxY = minY + 1;
        }

        double X(long step) => left + ((width - left - right) * step / maxStep);
        double Y(double value) => top + ((height - top - bottom) * (1 - ((value - minY) / (maxY - minY))));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Escape(title)}</text>\n");
        for (int i = 0; i <= 5; i++)
        {
            double value = minY + ((maxY - minY) * i / 5);
            double y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"#ddd\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{value:G3}</text>\n");
            long step = maxStep * i / 5;
            double x = X(step);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:F1}\" y=\"{height - bottom + 18}\" text-anchor=\"middle\">{step}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"{height - 10}\" text-anchor=\"middle\">step</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"16\" y=\"{height / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {height / 2})\">{Escape(yLabel)}</text>\n");
        for (int s = 0; s < smoothed.Count; s++)
        {
            string colour = Colours[s % Colours.Length];
            var points = string.Join(' ', smoothed[s].Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.Step):F1},{Y(p.Value):F1}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\" points=\"{points}\"/>\n");
            double ly = top + 8 + (s * 16);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{width - right - 170}\" x2=\"{width - right - 150}\" y1=\"{ly}\" y2=\"{ly}\" stroke=\"{colour}\" stroke-width=\"2\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - right - 145}\" y=\"{ly + 4}\">{Escape(smoothed[s].Name)}</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static List<(long Step, double Value)> Smooth(IReadOnlyList<(long Step, double Value)> points, int window)
    {
        var result = new List<(long, double)>(points.Count);
        double sum = 0;
        for (int i = 0; i < points.Count; i++)
        {
            sum += points[i].Value;
            if (i >= window)
            {
                sum -= points[i - window].Value;
            }

            result.Add((points[i].Step, sum / Math.Min(i + 1, window)));
        }

        return result;
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
