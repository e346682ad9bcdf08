using M6Search.Encoder.Training;
using M6Search.Encoder.Training.Reporting;

namespace M6Search.Encoder.Tests.Training.Reporting;

public sealed class MetricsCsvTests
{
    [Fact]
    public void Reopening_ForAResumedRun_DropsTheRowsFromTheResumedStepOn()
    {
        using var folder = new TempDirectory();
        string path = folder.File("m.metrics.csv");
        using (var log = MetricsCsv.Open(path, firstStep: 0))
        {
            for (int step = 0; step < 6; step++)
            {
                log.Append(new TrainingStepMetrics { Step = step, Loss = 10 - step, ImageToTextAccuracy = 0.1 * step, TextToImageAccuracy = 0.1 * step });
            }
        }

        using (var log = MetricsCsv.Open(path, firstStep: 4))
        {
            log.Append(new TrainingStepMetrics { Step = 4, Loss = 1.5 });
        }

        var curve = MetricsCsv.ReadCurve(path);
        Assert.Equal([0L, 1, 2, 3, 4], curve.Select(c => c.Step));
        Assert.Equal(1.5, curve[^1].Loss, 6);
        Assert.Equal(0.3, curve[3].Accuracy, 6);
    }

    [Fact]
    public void LossCurveSvg_DrawsOneLinePerSeries_WithItsName()
    {
        var points = Enumerable.Range(0, 40).Select(i => ((long)i, 5.0 - (0.1 * i))).ToList();

        string svg = LossCurveSvg.Render("run <a>", "loss", [("loss", points), ("accuracy", points)]);

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Equal(2, svg.Split("<polyline").Length - 1);
        Assert.Contains("run &lt;a&gt;", svg, StringComparison.Ordinal);
    }
}
