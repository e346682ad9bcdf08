using System.Globalization;
using System.Text;

namespace M6Search.Encoder.Training.Reporting;

/// <summary>
/// The per-step metrics log next to the model (<c>MODEL.metrics.csv</c>). A resumed run first drops the rows at or
/// after the step it resumes from, so the log reads as if the run had never stopped.
/// </summary>
public sealed class MetricsCsv : IDisposable
{
    public const string Header =
        "step,skipped,loss,contrastive_loss,aux_loss,load_balance_loss,router_z_loss,accuracy,lr,temperature," +
        "grad_norm,image_drop_rate,text_drop_rate,max_expert_load,elapsed_ms";

    private readonly StreamWriter _writer;

    private MetricsCsv(StreamWriter writer)
    {
        _writer = writer;
    }

    /// <summary>Opens the log, keeping only rows for steps before <paramref name="firstStep"/>.</summary>
    public static MetricsCsv Open(string path, long firstStep)
    {
        var kept = new List<string>();
        if (firstStep > 0 && File.Exists(path))
        {
            foreach (string line in File.ReadLines(path).Skip(1))
            {
                int comma = line.IndexOf(',', StringComparison.Ordinal);
                if (comma > 0 && long.TryParse(line.AsSpan(0, comma), NumberStyles.Integer, CultureInfo.InvariantCulture, out long step) && step < firstStep)
                {
                    kept.Add(line);
                }
            }
        }

        var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(Header);
        foreach (string line in kept)
        {
            writer.WriteLine(line);
        }

        writer.Flush();
        return new MetricsCsv(writer);
    }

    /// <summary>Reads the (step, loss, accuracy) columns back, for the plot.</summary>
    public static IReadOnlyList<(long Step, double Loss, double Accuracy)> ReadCurve(string path)
    {
        var rows = new List<(long, double, double)>();
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] cells = line.Split(',');
            if (cells.Length >= 8 && cells[1] == "0")
            {
                rows.Add((
                    long.Parse(cells[0], CultureInfo.InvariantCulture),
                    double.Parse(cells[2], CultureInfo.InvariantCulture),
                    double.Parse(cells[7], CultureInfo.InvariantCulture)));
            }
        }

        return rows;
    }

    public void Append(TrainingStepMetrics m)
    {
        ArgumentNullException.ThrowIfNull(m);
        float maxLoad = m.ImageExpertLoad.Concat(m.TextExpertLoad).SelectMany(l => l).DefaultIfEmpty(0f).Max();
        _writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{m.Step},{(m.Skipped ? 1 : 0)},{m.Loss:G6},{m.ContrastiveLoss:G6},{m.AuxiliaryLoss:G6},{m.LoadBalanceLoss:G6}," +
            $"{m.RouterZLoss:G6},{m.Accuracy:G6},{m.LearningRate:G6},{m.Temperature:G6},{m.GradientNorm:G6}," +
            $"{m.ImageDropRate:G6},{m.TextDropRate:G6},{maxLoad:G6},{m.Elapsed.TotalMilliseconds:F1}"));
        if (m.Step % 10 == 0)
        {
            _writer.Flush();
        }
    }

    public void Dispose() => _writer.Dispose();
}
