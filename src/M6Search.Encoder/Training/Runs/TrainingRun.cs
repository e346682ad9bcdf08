using System.Diagnostics;
using System.Globalization;
using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Model;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Serialization;
using M6Search.Encoder.Tokenization;
using M6Search.Encoder.Training.Data;
using M6Search.Encoder.Training.Features;
using M6Search.Encoder.Training.Reporting;
using M6Search.Imaging;
using TorchSharp;

namespace M6Search.Encoder.Training.Runs;

/// <summary>
/// One training run from options to model file: starts the trainer (fresh, from a model file, or resumed), loads the
/// pairs (with a locked backbone: each image's features, from the feature cache or computed once), trains with
/// checkpoints and a time limit, writes the per-step metrics CSV and the loss curve, and exports the model with its
/// provenance. What <c>m6 train</c> does; any host can call it.
/// </summary>
public static class TrainingRun
{
    // The provenance records the mean loss and accuracy of this many last steps.
    private const int ProvenanceTail = 50;

    /// <summary>Runs training as <paramref name="options"/> say; <paramref name="observer"/> sees notes and steps.</summary>
    /// <exception cref="ArgumentException">An option is out of range or inconsistent; the message names it.</exception>
    /// <exception cref="InvalidOperationException">A checkpoint exists without <see cref="TrainingRunOptions.Resume"/>, or the resume does not fit the options.</exception>
    /// <exception cref="FileNotFoundException">A resume finds no checkpoint.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; a checkpoint was written first when training had begun.</exception>
    public static async Task<TrainingRunResult> RunAsync(
        TrainingRunOptions options, TrainingRunObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        observer ??= new TrainingRunObserver();
        TrainingRunFiles files = TrainingRunFiles.For(options.ModelPath);
        Directory.CreateDirectory(Path.GetDirectoryName(files.Model)!);
        TrainerOptions trainerOptions = options.ToTrainerOptions();
        torch.Device device = ComputeDevice.Resolve(options.Device);
        (ContrastiveTrainer trainer, DataPosition position) = TrainerStart.Create(options, files, trainerOptions, device, observer);
        using (trainer)
        {
            EncoderConfig active = trainer.Model.Config;
            var tokenizer = new ProductTokenizer(trainer.Options.Tokenizer ?? TokenizerOptions.For(active));
            observer.Note($"{ComputeDevice.Describe()}; training {active.Name} on {device}; batch grouping: {TrainerStart.Describe(position.Grouping)}");
            FeatureCachingReport? caching = null;
            PairDataset dataset;
            if (active.Backbone is { Trained: BackboneTrainable.None } locked)
            {
                (dataset, caching) = await LoadFeaturesAsync(options, locked, active.ImageSize, device, observer, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                dataset = await LoadDataAsync(options.DataDirectory, active.ImageSize, observer, cancellationToken).ConfigureAwait(false);
            }

            var sampler = new PairBatchSampler(dataset, options.BatchSize);
            DateTimeOffset started = DateTimeOffset.UtcNow;
            TrainingStepMetrics? last = null;
            using (MetricsCsv metrics = MetricsCsv.Open(files.Metrics, trainer.Step))
            {
                var loopOptions = new TrainingLoopOptions
                {
                    TotalSteps = options.Steps,
                    CheckpointPath = files.Checkpoint,
                    CheckpointEvery = options.CheckpointEvery,
                    TimeLimit = options.TimeLimit,
                };
                observer.RunSteps(trainer.Step, options.Steps, () => TrainingLoop.Run(trainer, sampler, dataset, tokenizer, position, loopOptions, (step, _) =>
                {
                    metrics.Append(step);
                    last = step;
                    observer.StepCompleted(step, options.Steps);
                }, cancellationToken));
            }

            IReadOnlyList<(long Step, double Loss, double Accuracy)> curve = MetricsCsv.ReadCurve(files.Metrics);
            await File.WriteAllTextAsync(files.LossCurve, LossCurveSvg.Render(
                $"m6 train: {active.Name}, batch {sampler.BatchSize}",
                "loss (moving average of 25 steps)",
                [("loss", curve.Select(c => (c.Step, c.Loss)).ToList()), ("accuracy", curve.Select(c => (c.Step, c.Accuracy)).ToList())]),
                cancellationToken).ConfigureAwait(false);

            TrainingProvenance provenance = ProvenanceOf(options, trainer, dataset, device, position, started, curve, caching);
            if (trainer.Step < options.Steps)
            {
                observer.Note($"time limit of {options.TimeLimit?.TotalMinutes} minutes reached at step {trainer.Step} of {options.Steps}; --resume continues the run");
            }

            ModelFileHeader header = trainer.ExportModel(files.Model, provenance);
            return new TrainingRunResult
            {
                Files = files, Model = header, Steps = trainer.Step, TotalSteps = options.Steps, LastStep = last, FeatureCaching = caching,
            };
        }
    }

    /// <summary>
    /// The dataset of a run with a locked backbone: every image's features from the cache, or computed once with the
    /// backbone (loaded for this pass only) and cached; the pass shows its progress through the observer.
    /// </summary>
    private static async Task<(PairDataset Dataset, FeatureCachingReport Report)> LoadFeaturesAsync(
        TrainingRunOptions options, ImageBackboneConfig backbone, int imageSize, torch.Device device, TrainingRunObserver observer, CancellationToken cancellationToken)
    {
        string directory = Path.GetFullPath(options.DataDirectory);
        var cache = new FeatureCache(options.FeatureCacheDirectory ?? Path.Combine(directory, "feature-cache"));
        using ImageTower tower = ImageTower.Load(backbone, imageSize);
        tower.MoveTo(device);
        var pass = new FeatureCachingPass(tower, cache, new ImageLoader(), options.FeatureViews);
        int total = await CountImagesAsync(directory, cancellationToken).ConfigureAwait(false);
        PairDataset? dataset = null;
        await observer.RunWithProgressAsync($"backbone features ({backbone.ShortName()}, {imageSize} px)", total, async progress =>
        {
            dataset = await PairDataset.LoadFeaturesAsync(directory, pass, imagesDone: progress, cancellationToken: cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        FeatureCachingReport report = pass.Report;
        observer.Note(string.Create(CultureInfo.InvariantCulture,
            $"backbone features of {dataset!.Count} products x {pass.Views} view(s) in {report.Elapsed.TotalSeconds:F1} s: {report.Hits} from the cache ({cache.Directory}), " +
            $"{report.Computed} computed, {report.Recomputed} corrupt entries computed again, {report.Rejected} images rejected"));
        ReportRejections(dataset, observer);
        return (dataset, report);
    }

    /// <summary>Products the training folder names with an image (the caching pass's total, for its progress).</summary>
    private static async Task<int> CountImagesAsync(string directory, CancellationToken cancellationToken) =>
        (await PairSources.ReadAsync(directory, includeTitles: false, cancellationToken).ConfigureAwait(false)).Ids.Length;

    private static void ReportRejections(PairDataset dataset, TrainingRunObserver observer)
    {
        foreach (DatasetRejection rejection in dataset.Rejected.Take(10))
        {
            observer.Note($"  rejected {rejection.ProductId}: {rejection.Reason}");
        }

        if (dataset.Rejected.Count > 10)
        {
            observer.Note($"  ... and {dataset.Rejected.Count - 10} more rejected products");
        }
    }

    private static async Task<PairDataset> LoadDataAsync(string directory, int imageSize, TrainingRunObserver observer, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        PairDataset dataset = await PairDataset.LoadAsync(
            Path.GetFullPath(directory),
            imageSize,
            new ImageLoader(),
            imagesLoaded: new Progress<int>(n =>
            {
                if (n % 4096 == 0)
                {
                    observer.Note($"decoded {n} images");
                }
            }),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        observer.Note(string.Create(CultureInfo.InvariantCulture,
            $"{dataset.Count} products, {dataset.PairCount} pairs loaded in {stopwatch.Elapsed.TotalSeconds:F1} s; {dataset.Rejected.Count} rejected"));
        ReportRejections(dataset, observer);
        return dataset;
    }

    private static TrainingProvenance ProvenanceOf(
        TrainingRunOptions options,
        ContrastiveTrainer trainer,
        PairDataset dataset,
        torch.Device device,
        DataPosition position,
        DateTimeOffset started,
        IReadOnlyList<(long Step, double Loss, double Accuracy)> curve,
        FeatureCachingReport? caching)
    {
        var tail = curve.TakeLast(ProvenanceTail).ToList();
        return new TrainingProvenance
        {
            Command = options.Command,
            Steps = trainer.Step,
            Data = $"{dataset.Directory} ({dataset.Count} products, {dataset.PairCount} pairs)",
            StartedUtc = started,
            FinishedUtc = DateTimeOffset.UtcNow,
            Device = device.ToString(),
            Metrics = tail.Count == 0 ? null : new Dictionary<string, double>
            {
                ["final_loss_mean_last_50"] = tail.Average(c => c.Loss),
                ["final_accuracy_mean_last_50"] = tail.Average(c => c.Accuracy),
            },
            Notes = JoinNotes(
                trainer.Lineage,
                position.Grouping is { } grouping ? $"batches grouped by {TrainerStart.Describe(grouping)}" : null,
                caching is null ? null : $"locked backbone, features cached ({dataset.Images.Views} view(s) per image)"),
        };
    }

    private static string? JoinNotes(params string?[] notes) =>
        notes.OfType<string>().ToList() is { Count: > 0 } present ? string.Join("; ", present) : null;
}
