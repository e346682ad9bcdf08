using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using M6Search.Encoder.Model;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Serialization;
using M6Search.Encoder.Tokenization;
using M6Search.Encoder.Training;
using M6Search.Encoder.Training.Data;
using M6Search.Encoder.Training.Reporting;
using M6Search.Imaging;
using Spectre.Console;
using TorchSharp;

namespace M6Search.Indexer.Commands;

/// <summary>
/// <c>m6 train --data DIR --out MODEL --config tiny|small|base [--steps N] [--device auto|cpu|cuda] [--resume | --init MODEL]</c>:
/// contrastive training of the MoE encoder on image-text pairs. Writes MODEL, and next to it MODEL.ckpt (checkpoint),
/// MODEL.metrics.csv (per-step metrics) and MODEL.loss.svg (loss curve).
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Folder with pairs.jsonl and/or catalog.jsonl (as written by m6 synth).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Model file to write (.m6model).", Required = true };
        var config = new Option<string>("--config") { Description = "Model size: tiny, small or base; add -dense for the dense ablation (e.g. small-dense).", DefaultValueFactory = _ => "small" };
        var groups = new Option<int>("--expert-groups") { Description = "M6-T expert prototyping: experts split into K groups, top-1 in each (1 = Switch top-1).", DefaultValueFactory = _ => 1 };
        var patchStem = new Option<PatchStem>("--patch-stem") { Description = "How pixels become patch tokens: Linear (ViT patch projection) or Conv (3x3 stride-2 convolutional stem).", DefaultValueFactory = _ => PatchStem.Linear };
        var imageSize = new Option<int?>("--image-size") { Description = "Image side in pixels the encoder reads (default: the config's; tiny and small 64, base 128)." };
        var patchSize = new Option<int?>("--patch-size") { Description = "Patch side in pixels, one token each; must divide --image-size (default: the config's, or image size / 8 with --image-size)." };
        var steps = new Option<long>("--steps") { Description = "Optimizer steps to train for (in total, counting resumed ones).", DefaultValueFactory = _ => 3000 };
        var batch = new Option<int>("--batch") { Description = "Image-text pairs per step (in-batch negatives).", DefaultValueFactory = _ => 128 };
        var accumulation = new Option<int>("--accumulation") { Description = "Micro-batches per step (gradient accumulation).", DefaultValueFactory = _ => 1 };
        var learningRate = new Option<double>("--lr") { Description = "Peak learning rate (AdamW, linear warm-up then cosine decay).", DefaultValueFactory = _ => 1e-3 };
        var warmup = new Option<long?>("--warmup") { Description = "Warm-up steps (default: 5% of --steps)." };
        var seed = new Option<long>("--seed") { Description = "Seed for initialisation and data order.", DefaultValueFactory = _ => 1 };
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Steps between checkpoints.", DefaultValueFactory = _ => 100 };
        var checkpointing = new Option<bool>("--activation-checkpointing") { Description = "Recompute activations in the backward pass to save memory." };
        var resume = new Option<bool>("--resume") { Description = "Continue from MODEL.ckpt exactly (weights, optimizer, step, data order)." };
        var init = new Option<FileInfo?>("--init") { Description = "Start from the weights of this model file (its config and tokenizer; fresh optimizer, step 0), for example the shipped model." };
        var threads = new Option<int?>("--threads") { Description = "CPU threads for libtorch (default: all cores)." };
        var dropout = new Option<double?>("--dropout") { Description = "Dropout on embeddings and residual branches (default: the config's, 0.1)." };
        var expertDropout = new Option<double?>("--expert-dropout") { Description = "Dropout inside the experts (default: the config's, 0.2)." };
        var loadBalance = new Option<double?>("--load-balance-weight") { Description = "Switch load-balancing weight alpha (default: the config's, 0.01)." };
        var capacity = new Option<double?>("--capacity-factor") { Description = "Expert capacity factor in training (default: the config's, 1.25)." };
        var groupBy = new Option<string?>("--group-by")
        {
            Description = "Hard negatives: build batches from runs of products sharing these catalog fields (comma-separated: category, merchant, lang or attribute names, e.g. category,color). Default: plain shuffled batches.",
        };
        var routerLr = new Option<double>("--router-lr-scale") { Description = "Learning-rate multiplier for the MoE routers (other than 1: their own optimizer group, no weight decay).", DefaultValueFactory = _ => 1 };
        var groupSize = new Option<int>("--group-size") { Description = "Products per --group-by run.", DefaultValueFactory = _ => 8 };
        var timeLimit = new Option<double?>("--time-limit") { Description = "Stop after this many minutes of training (checkpoint and model written; the schedule still spans --steps)." };
        var device = CommonOptions.Device();

        var command = new Command("train", "Train the MoE multimodal encoder contrastively on image-text pairs.")
        {
            data, output, config, groups, patchStem, imageSize, patchSize, steps, batch, accumulation, learningRate, warmup, seed, checkpointEvery, checkpointing, resume, init, threads,
            dropout, expertDropout, loadBalance, capacity, groupBy, groupSize, routerLr, timeLimit, device,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(threads) is int t)
            {
                torch.set_num_threads(t);
            }

            TimeSpan? budget = TimeLimitOf(parse.GetValue(timeLimit));
            string modelPath = parse.GetValue(output)!.FullName;
            string checkpointPath = modelPath + ".ckpt";
            string metricsPath = Path.ChangeExtension(modelPath, ".metrics.csv");
            string plotPath = Path.ChangeExtension(modelPath, ".loss.svg");
            Directory.CreateDirectory(Path.GetDirectoryName(modelPath)!);
            long totalSteps = parse.GetValue(steps);
            var trainerOptions = new TrainerOptions
            {
                PeakLearningRate = parse.GetValue(learningRate),
                WarmupSteps = parse.GetValue(warmup) ?? Math.Max(1, totalSteps / 20),
                TotalSteps = totalSteps,
                AccumulationSteps = parse.GetValue(accumulation),
                ActivationCheckpointing = parse.GetValue(checkpointing),
                RouterLearningRateScale = parse.GetValue(routerLr),
            };
            trainerOptions.Validate();

            BatchGrouping? grouping = parse.GetValue(groupBy) is { } fields ? BatchGrouping.Parse(fields, parse.GetValue(groupSize)) : null;
            torch.Device target = ComputeDevice.Resolve(parse.GetValue(device));
            bool resuming = parse.GetValue(resume);
            if (resuming && !File.Exists(checkpointPath))
            {
                throw new FileNotFoundException($"--resume: no checkpoint at {checkpointPath}.", checkpointPath);
            }

            if (!resuming && File.Exists(checkpointPath))
            {
                throw new InvalidOperationException($"A checkpoint already exists at {checkpointPath}: pass --resume to continue it, or delete it to start over.");
            }

            FileInfo? initFrom = parse.GetValue(init);
            if (resuming && initFrom is not null)
            {
                throw new InvalidOperationException("--resume and --init exclude each other: --resume continues MODEL.ckpt, --init starts anew from a model file's weights.");
            }

            ContrastiveTrainer trainer;
            DataPosition position;
            if (resuming)
            {
                var resumed = ContrastiveTrainer.Resume(checkpointPath, target, trainerOptions);
                trainer = resumed.Trainer;
                position = resumed.Position;
                if (grouping is not null && grouping != position.Grouping)
                {
                    throw new InvalidOperationException(
                        $"--group-by {grouping.Fields} --group-size {grouping.GroupSize} differs from the checkpoint's batch grouping ({Describe(position.Grouping)}); a resume reads the data as the run started it.");
                }

                Console.Error.WriteLine($"resumed {checkpointPath} at step {trainer.Step}");
            }
            else if (initFrom is not null)
            {
                ModelFileHeader initHeader = ModelFile.ReadHeader(initFrom.FullName);
                trainer = ContrastiveTrainer.InitializeFrom(initFrom.FullName, trainerOptions, target, c => c with
                {
                    Dropout = parse.GetValue(dropout) ?? c.Dropout,
                    ExpertDropout = parse.GetValue(expertDropout) ?? c.ExpertDropout,
                    LoadBalanceWeight = parse.GetValue(loadBalance) ?? c.LoadBalanceWeight,
                    TrainCapacityFactor = parse.GetValue(capacity) ?? c.TrainCapacityFactor,
                });
                position = DataPosition.Start(parse.GetValue(seed), grouping);
                Console.Error.WriteLine($"{trainer.Lineage}; config {initHeader.Config.Name} from the file (--config, --expert-groups, --patch-stem, --image-size and --patch-size do not apply)");
            }
            else
            {
                EncoderConfig encoderConfig = EncoderConfig.Named(parse.GetValue(config)!);
                int expertGroups = parse.GetValue(groups);
                if (expertGroups > 1)
                {
                    encoderConfig = encoderConfig with { ExpertGroups = expertGroups, Name = $"{encoderConfig.Name}-proto{expertGroups}" };
                }

                if (parse.GetValue(imageSize) is { } side)
                {
                    int patch = parse.GetValue(patchSize) ?? Math.Max(1, side / 8);
                    encoderConfig = encoderConfig with { ImageSize = side, PatchSize = patch, Name = $"{encoderConfig.Name}-{side}px{patch}" };
                }
                else if (parse.GetValue(patchSize) is { } patch && patch != encoderConfig.PatchSize)
                {
                    encoderConfig = encoderConfig with { PatchSize = patch, Name = $"{encoderConfig.Name}-p{patch}" };
                }

                PatchStem stem = parse.GetValue(patchStem);
                if (stem != encoderConfig.PatchStem)
                {
                    encoderConfig = encoderConfig with { PatchStem = stem, Name = $"{encoderConfig.Name}-{stem.ToString().ToLowerInvariant()}stem" };
                }

                encoderConfig = encoderConfig with
                {
                    Dropout = parse.GetValue(dropout) ?? encoderConfig.Dropout,
                    ExpertDropout = parse.GetValue(expertDropout) ?? encoderConfig.ExpertDropout,
                    LoadBalanceWeight = parse.GetValue(loadBalance) ?? encoderConfig.LoadBalanceWeight,
                    TrainCapacityFactor = parse.GetValue(capacity) ?? encoderConfig.TrainCapacityFactor,
                };
                encoderConfig.Validate();
                var model = new MultimodalEncoder(encoderConfig, (ulong)parse.GetValue(seed));
                trainer = new ContrastiveTrainer(model, trainerOptions with { Tokenizer = TokenizerOptions.For(encoderConfig) }, target, ownsModel: true);
                position = DataPosition.Start(parse.GetValue(seed), grouping);
            }

            using (trainer)
            {
                EncoderConfig active = trainer.Model.Config;
                var tokenizer = new ProductTokenizer(trainer.Options.Tokenizer ?? TokenizerOptions.For(active));
                Console.Error.WriteLine($"{ComputeDevice.Describe()}; training {active.Name} on {target}; batch grouping: {Describe(position.Grouping)}");
                var stopwatch = Stopwatch.StartNew();
                PairDataset dataset = await PairDataset.LoadAsync(
                    parse.GetValue(data)!.FullName,
                    active.ImageSize,
                    new ImageLoader(),
                    imagesLoaded: new Progress<int>(n => { if (n % 4096 == 0) { Console.Error.WriteLine($"decoded {n} images"); } }),
                    cancellationToken: cancellationToken);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{dataset.Count} products, {dataset.PairCount} pairs loaded in {stopwatch.Elapsed.TotalSeconds:F1} s; {dataset.Rejected.Count} rejected"));
                foreach (var rejection in dataset.Rejected.Take(10))
                {
                    Console.Error.WriteLine($"  rejected {rejection.ProductId}: {rejection.Reason}");
                }

                var sampler = new PairBatchSampler(dataset, parse.GetValue(batch));
                var started = DateTimeOffset.UtcNow;
                TrainingStepMetrics? last = null;
                using (var metrics = MetricsCsv.Open(metricsPath, trainer.Step))
                {
                    var loopOptions = new TrainingLoopOptions { TotalSteps = totalSteps, CheckpointPath = checkpointPath, CheckpointEvery = parse.GetValue(checkpointEvery), TimeLimit = budget };
                    void OnStep(TrainingStepMetrics m, DataPosition p)
                    {
                        metrics.Append(m);
                        last = m;
                    }

                    RunWithProgress(trainer, sampler, dataset, tokenizer, position, loopOptions, OnStep, cancellationToken);
                }

                var curve = MetricsCsv.ReadCurve(metricsPath);
                await File.WriteAllTextAsync(plotPath, LossCurveSvg.Render(
                    $"m6 train: {active.Name}, batch {sampler.BatchSize}",
                    "loss (moving average of 25 steps)",
                    [("loss", curve.Select(c => (c.Step, c.Loss)).ToList()), ("accuracy", curve.Select(c => (c.Step, c.Accuracy)).ToList())]),
                    cancellationToken);

                var tail = curve.TakeLast(50).ToList();
                var provenance = new TrainingProvenance
                {
                    Command = "m6 " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                    Steps = trainer.Step,
                    Data = $"{dataset.Directory} ({dataset.Count} products, {dataset.PairCount} pairs)",
                    StartedUtc = started,
                    FinishedUtc = DateTimeOffset.UtcNow,
                    Device = target.ToString(),
                    Metrics = tail.Count == 0 ? null : new Dictionary<string, double>
                    {
                        ["final_loss_mean_last_50"] = tail.Average(c => c.Loss),
                        ["final_accuracy_mean_last_50"] = tail.Average(c => c.Accuracy),
                    },
                    Notes = JoinNotes(trainer.Lineage, position.Grouping is { } g ? $"batches grouped by {Describe(g)}" : null),
                };
                if (trainer.Step < totalSteps)
                {
                    Console.Error.WriteLine($"time limit of {parse.GetValue(timeLimit)} minutes reached at step {trainer.Step} of {totalSteps}; --resume continues the run");
                }

                trainer.ExportModel(modelPath, provenance);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {modelPath} ({new FileInfo(modelPath).Length / 1e6:F1} MB) after {trainer.Step} steps; last step: {last?.ToLogLine()}"));
                Console.WriteLine($"metrics {metricsPath}, loss curve {plotPath}, checkpoint {checkpointPath}");
            }

            return 0;
        });
        return command;
    }

    private static void RunWithProgress(
        ContrastiveTrainer trainer,
        PairBatchSampler sampler,
        PairDataset dataset,
        ProductTokenizer tokenizer,
        DataPosition position,
        TrainingLoopOptions options,
        Action<TrainingStepMetrics, DataPosition> onStep,
        CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Logs and CI: one line every 25 steps instead of a redrawn bar.
            TrainingLoop.Run(trainer, sampler, dataset, tokenizer, position, options, (m, p) =>
            {
                onStep(m, p);
                if (m.Step % 25 == 0 || m.Skipped)
                {
                    Console.Error.WriteLine(Describe(m, options.TotalSteps));
                }
            }, cancellationToken);
            return;
        }

        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("training", maxValue: options.TotalSteps);
                task.Value = trainer.Step;
                TrainingLoop.Run(trainer, sampler, dataset, tokenizer, position, options, (m, p) =>
                {
                    onStep(m, p);
                    task.Description = Markup.Escape(Describe(m, options.TotalSteps));
                    task.Value = m.Step + 1;
                }, cancellationToken);
            });
    }

    private static TimeSpan? TimeLimitOf(double? minutes) => minutes switch
    {
        null => null,
        > 0 and <= 10_000_000 => TimeSpan.FromMinutes(minutes.Value),
        _ => throw new ArgumentException($"--time-limit must be a positive number of minutes, got {minutes}."),
    };

    private static string? JoinNotes(params string?[] notes) =>
        notes.OfType<string>().ToList() is { Count: > 0 } present ? string.Join("; ", present) : null;

    private static string Describe(BatchGrouping? grouping) =>
        grouping is null ? "none" : $"{grouping.Fields} in runs of {grouping.GroupSize}";

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
