using System.Globalization;
using M6Search.Encoder.Training;
using M6Search.Encoder.Training.Runs;
using M6Search.Indexer.Output;
using Spectre.Console;

namespace M6Search.Indexer.Commands;

/// <summary>
/// Shows a training run on the console: notes on stderr; the steps as a progress bar on a terminal, or one line every 25
/// steps (and every skipped step) in logs and CI.
/// </summary>
internal sealed class ConsoleTrainingObserver : TrainingRunObserver
{
    private ProgressTask? _bar;

    public override void Note(string message) => Console.Error.WriteLine(message);

    public override void RunSteps(long firstStep, long totalSteps, Action steps)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            steps();
            return;
        }

        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                _bar = context.AddTask("training", maxValue: totalSteps);
                _bar.Value = firstStep;
                try
                {
                    steps();
                }
                finally
                {
                    _bar = null;
                }
            });
    }

    public override async Task RunWithProgressAsync(string description, long total, Func<IProgress<int>, Task> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            long step = Math.Max(1, total / 10);
            long next = step;
            await work(new SynchronousProgress<int>(done =>
            {
                if (done >= next || done == total)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{description}: {done}/{total} images"));
                    next = ((done / step) + 1) * step;
                }
            }));
            return;
        }

        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                ProgressTask bar = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
                await work(new SynchronousProgress<int>(done => bar.Value = done));
                bar.Value = bar.MaxValue;
            });
    }

    public override void StepCompleted(TrainingStepMetrics metrics, long totalSteps)
    {
        if (_bar is { } bar)
        {
            bar.Description = Markup.Escape(Describe(metrics, totalSteps));
            bar.Value = metrics.Step + 1;
        }
        else if (metrics.Step % 25 == 0 || metrics.Skipped)
        {
            Console.Error.WriteLine(Describe(metrics, totalSteps));
        }
    }

    private static string Describe(TrainingStepMetrics m, long total)
    {
        if (m.Skipped)
        {
            return $"step {m.Step + 1}/{total} skipped: {m.SkipReason}";
        }

        float maxLoad = m.ImageExpertLoad.Concat(m.TextExpertLoad).SelectMany(l => l).DefaultIfEmpty(0f).Max();
        return string.Create(CultureInfo.InvariantCulture,
            $"step {m.Step + 1}/{total} loss {m.Loss:F3} acc {m.Accuracy:P0} max expert load {maxLoad:P0} drop {(m.ImageDropRate + m.TextDropRate) / 2:P1} lr {m.LearningRate:E1}");
    }
}
