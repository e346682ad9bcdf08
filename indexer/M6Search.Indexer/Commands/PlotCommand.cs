using System.CommandLine;
using M6Search.Encoder.Training.Reporting;

namespace M6Search.Indexer.Commands;

/// <summary><c>m6 plot --metrics A.metrics.csv B.metrics.csv --out curves.svg</c>: loss curves of runs side by side.</summary>
public static class PlotCommand
{
    public static Command Create()
    {
        var metrics = new Option<FileInfo[]>("--metrics") { Description = "Metrics logs written by m6 train (MODEL.metrics.csv); each becomes a series named after its file.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out") { Description = "SVG file to write.", Required = true };
        var title = new Option<string>("--title") { Description = "Plot title.", DefaultValueFactory = _ => "training loss" };
        var smoothing = new Option<int>("--smoothing") { Description = "Moving-average window in steps.", DefaultValueFactory = _ => 25 };
        var command = new Command("plot", "Plot the loss curves of one or more training runs as an SVG.") { metrics, output, title, smoothing };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var series = new List<(string, IReadOnlyList<(long, double)>)>();
            foreach (FileInfo file in parse.GetValue(metrics)!)
            {
                if (!file.Exists)
                {
                    throw new FileNotFoundException($"metrics file not found: {file.FullName}", file.FullName);
                }

                string name = file.Name.Replace(".metrics.csv", string.Empty, StringComparison.Ordinal);
                series.Add((name, MetricsCsv.ReadCurve(file.FullName).Select(c => (c.Step, c.Loss)).ToList()));
            }

            string svg = LossCurveSvg.Render(parse.GetValue(title)!, $"loss (moving average of {parse.GetValue(smoothing)} steps)", series, parse.GetValue(smoothing));
            await File.WriteAllTextAsync(parse.GetValue(output)!.FullName, svg, cancellationToken);
            Console.WriteLine($"wrote {parse.GetValue(output)!.FullName}");
            return 0;
        });
        return command;
    }
}
