using System.CommandLine;
using System.Globalization;
using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Model;
using M6Search.Encoder.Training.Data;
using M6Search.Encoder.Training.Runs;
using TorchSharp;

namespace M6Search.Indexer.Commands;

/// <summary>
/// <c>m6 train --data DIR --out MODEL --config tiny|small|base [--backbone resnet18 [--backbone-trainable none|last-stage|all]]
/// [--steps N] [--device auto|cpu|cuda] [--resume | --init MODEL]</c>: contrastive training of the MoE encoder on image-text pairs. Writes MODEL, and next to it MODEL.ckpt (checkpoint),
/// MODEL.metrics.csv (per-step metrics) and MODEL.loss.svg (loss curve). The command parses its options into
/// <see cref="TrainingRunOptions"/> (whose defaults it shows) and runs <see cref="TrainingRun"/>.
/// </summary>
public static class TrainCommand
{
    private static readonly TrainingRunOptions Defaults = new() { DataDirectory = string.Empty, ModelPath = string.Empty };

    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Folder with pairs.jsonl and/or catalog.jsonl (as written by m6 synth).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Model file to write (.m6model).", Required = true };
        var config = new Option<string>("--config") { Description = "Model size: tiny, small or base; add -dense for the dense ablation (e.g. small-dense).", DefaultValueFactory = _ => Defaults.Config };
        var groups = new Option<int>("--expert-groups") { Description = "M6-T expert prototyping: experts split into K groups, top-1 in each (1 = Switch top-1).", DefaultValueFactory = _ => Defaults.ExpertGroups };
        var patchStem = new Option<PatchStem>("--patch-stem") { Description = "How pixels become patch tokens: Linear (ViT patch projection) or Conv (3x3 stride-2 convolutional stem).", DefaultValueFactory = _ => Defaults.PatchStem };
        var imageSize = new Option<int?>("--image-size") { Description = "Image side in pixels the encoder reads (default: the config's; tiny and small 64, base 128)." };
        var patchSize = new Option<int?>("--patch-size") { Description = "Patch side in pixels, one token each; must divide --image-size (default: the config's, or image size / 8 with --image-size)." };
        var steps = new Option<long>("--steps") { Description = "Optimizer steps to train for (in total, counting resumed ones).", DefaultValueFactory = _ => Defaults.Steps };
        var batch = new Option<int>("--batch") { Description = "Image-text pairs per step (in-batch negatives).", DefaultValueFactory = _ => Defaults.BatchSize };
        var accumulation = new Option<int>("--accumulation") { Description = "Micro-batches per step (gradient accumulation).", DefaultValueFactory = _ => Defaults.AccumulationSteps };
        var learningRate = new Option<double>("--lr") { Description = "Peak learning rate (AdamW, linear warm-up then cosine decay).", DefaultValueFactory = _ => Defaults.PeakLearningRate };
        var warmup = new Option<long?>("--warmup") { Description = "Warm-up steps (default: 5% of --steps)." };
        var seed = new Option<long>("--seed") { Description = "Seed for initialisation and data order.", DefaultValueFactory = _ => Defaults.Seed };
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Steps between checkpoints.", DefaultValueFactory = _ => Defaults.CheckpointEvery };
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
        var routerLr = new Option<double>("--router-lr-scale") { Description = "Learning-rate multiplier for the MoE routers (other than 1: their own optimizer group, no weight decay).", DefaultValueFactory = _ => Defaults.RouterLearningRateScale };
        var groupSize = new Option<int>("--group-size") { Description = "Products per --group-by run.", DefaultValueFactory = _ => 8 };
        var backbone = new Option<string?>("--backbone") { Description = "Read images through a pretrained backbone (resnet18) in a fresh run: its feature map becomes the image tokens, with own colour tokens. Default: the encoder's own patch tokens." };
        var backboneTrainable = new Option<string?>("--backbone-trainable") { Description = "Which backbone weights train: none (locked: features computed once and cached; the default), last-stage or all (for GPU runs). With --init: default what the model file trained." };
        var backboneStage = new Option<int>("--backbone-stage") { Description = "The backbone feature map that becomes the image tokens: 3 (H/16 x W/16, 256 channels) or 4 (H/32, 512).", DefaultValueFactory = _ => (int)Defaults.BackboneStage };
        var colorGrid = new Option<int>("--color-grid") { Description = "Own colour tokens per side with --backbone (0: none).", DefaultValueFactory = _ => Defaults.ColorGrid };
        var colorCell = new Option<int>("--color-cell") { Description = "Pixels per side of one colour token (1: its cell's mean colour).", DefaultValueFactory = _ => Defaults.ColorCell };
        var featureCache = new Option<DirectoryInfo?>("--feature-cache") { Description = "Where a locked backbone's features are cached (default: DATA/feature-cache); --resume and later runs reuse it." };
        var featureViews = new Option<int>("--feature-views") { Description = "Cached views per image: 1 (the image) or more (also random crops and mirrors).", DefaultValueFactory = _ => Defaults.FeatureViews };
        var backboneLr = new Option<double>("--backbone-lr-scale") { Description = "Learning-rate multiplier for trainable backbone weights.", DefaultValueFactory = _ => Defaults.BackboneLearningRateScale };
        var timeLimit = new Option<double?>("--time-limit") { Description = "Stop after this many minutes of training (checkpoint and model written; the schedule still spans --steps)." };
        var device = CommonOptions.Device();

        var command = new Command("train", "Train the MoE multimodal encoder contrastively on image-text pairs.")
        {
            data, output, config, groups, patchStem, imageSize, patchSize, steps, batch, accumulation, learningRate, warmup, seed, checkpointEvery, checkpointing, resume, init, threads,
            dropout, expertDropout, loadBalance, capacity, groupBy, groupSize, routerLr, timeLimit, device,
            backbone, backboneTrainable, backboneStage, colorGrid, colorCell, featureCache, featureViews, backboneLr,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(threads) is int t)
            {
                torch.set_num_threads(t);
            }

            var options = new TrainingRunOptions
            {
                TimeLimit = TimeLimitOf(parse.GetValue(timeLimit)),
                Grouping = parse.GetValue(groupBy) is { } fields ? BatchGrouping.Parse(fields, parse.GetValue(groupSize)) : null,
                DataDirectory = parse.GetValue(data)!.FullName,
                ModelPath = parse.GetValue(output)!.FullName,
                Config = parse.GetValue(config)!,
                ExpertGroups = parse.GetValue(groups),
                PatchStem = parse.GetValue(patchStem),
                ImageSize = parse.GetValue(imageSize),
                PatchSize = parse.GetValue(patchSize),
                Dropout = parse.GetValue(dropout),
                ExpertDropout = parse.GetValue(expertDropout),
                LoadBalanceWeight = parse.GetValue(loadBalance),
                TrainCapacityFactor = parse.GetValue(capacity),
                Steps = parse.GetValue(steps),
                BatchSize = parse.GetValue(batch),
                AccumulationSteps = parse.GetValue(accumulation),
                PeakLearningRate = parse.GetValue(learningRate),
                WarmupSteps = parse.GetValue(warmup),
                RouterLearningRateScale = parse.GetValue(routerLr),
                ActivationCheckpointing = parse.GetValue(checkpointing),
                Seed = parse.GetValue(seed),
                CheckpointEvery = parse.GetValue(checkpointEvery),
                Resume = parse.GetValue(resume),
                InitFrom = parse.GetValue(init)?.FullName,
                Backbone = parse.GetValue(backbone),
                BackboneTrainable = parse.GetValue(backboneTrainable) is { } trainable ? BackboneTrainableNames.Parse(trainable) : null,
                BackboneStage = StageOf(parse.GetValue(backboneStage)),
                ColorGrid = parse.GetValue(colorGrid),
                ColorCell = parse.GetValue(colorCell),
                FeatureCacheDirectory = parse.GetValue(featureCache)?.FullName,
                FeatureViews = ViewsOf(parse.GetValue(featureViews)),
                BackboneLearningRateScale = parse.GetValue(backboneLr),
                Device = parse.GetValue(device),
                Command = "m6 " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            };

            TrainingRunResult result = await TrainingRun.RunAsync(options, new ConsoleTrainingObserver(), cancellationToken);
            TrainingRunFiles files = result.Files;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {files.Model} ({new FileInfo(files.Model).Length / 1e6:F1} MB) after {result.Steps} steps; last step: {result.LastStep?.ToLogLine()}"));
            Console.WriteLine($"metrics {files.Metrics}, loss curve {files.LossCurve}, checkpoint {files.Checkpoint}");
            return 0;
        });
        return command;
    }

    private static int ViewsOf(int views) => views is >= 1 and <= 16
        ? views
        : throw new ArgumentException($"--feature-views must be between 1 and 16, got {views}.");

    private static BackboneStage StageOf(int stage) => stage switch
    {
        3 => BackboneStage.Stage3,
        4 => BackboneStage.Stage4,
        _ => throw new ArgumentException($"--backbone-stage must be 3 or 4, got {stage}."),
    };

    private static TimeSpan? TimeLimitOf(double? minutes) => minutes switch
    {
        null => null,
        > 0 and <= 10_000_000 => TimeSpan.FromMinutes(minutes.Value),
        _ => throw new ArgumentException($"--time-limit must be a positive number of minutes, got {minutes}."),
    };
}
