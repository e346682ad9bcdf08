using M6Search.Encoder.Backbone.Files;
using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Model;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Training.Data;

namespace M6Search.Encoder.Training.Runs;

/// <summary>
/// Everything a <see cref="TrainingRun"/> needs: the data, the model file, how the encoder starts (fresh from a named
/// config, from a model file's weights, or resumed from the checkpoint), the schedule, the batches and the budget. The
/// defaults are <c>m6 train</c>'s. A new setting is a new property with a default that keeps today's runs as they are.
/// </summary>
public sealed record TrainingRunOptions
{
    /// <summary>Folder with <c>pairs.jsonl</c> and/or <c>catalog.jsonl</c> (as written by <c>m6 synth</c>).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The model file to write (<c>.m6model</c>); the checkpoint, metrics and loss curve go next to it (<see cref="TrainingRunFiles"/>).</summary>
    public required string ModelPath { get; init; }

    /// <summary>Named encoder config for a fresh run (<see cref="EncoderConfig.Named"/>: tiny, small, base, with -dense for the dense ablation).</summary>
    public string Config { get; init; } = "small";

    /// <summary>M6-T expert prototyping for a fresh run: experts split into this many groups, top-1 in each (1 = Switch top-1).</summary>
    public int ExpertGroups { get; init; } = 1;

    /// <summary>How pixels become patch tokens in a fresh run.</summary>
    public PatchStem PatchStem { get; init; } = PatchStem.Linear;

    /// <summary>Image side in pixels for a fresh run; null keeps the config's (<see cref="DefaultBackboneImageSize"/> with a backbone).</summary>
    public int? ImageSize { get; init; }

    /// <summary>The input side of a fresh run with a <see cref="Backbone"/> when <see cref="ImageSize"/> is not given.</summary>
    public const int DefaultBackboneImageSize = 160;

    /// <summary>
    /// A pretrained image backbone for a fresh run (<see cref="BackboneIdentity.Known"/> by name: <c>resnet18</c>); null:
    /// the encoder's own patch tokens.
    /// </summary>
    public string? Backbone { get; init; }

    /// <summary>The backbone feature map that becomes the image tokens (fresh runs with a backbone).</summary>
    public BackboneStage BackboneStage { get; init; } = BackboneStage.Stage3;

    /// <summary>
    /// Which backbone weights train: none (locked; features computed once and cached), the last stage or all (for GPU
    /// runs). Null: none for a fresh run, what the model file trained for <see cref="InitFrom"/>.
    /// </summary>
    public BackboneTrainable? BackboneTrainable { get; init; }

    /// <summary>Own colour tokens per side with a backbone (0: none).</summary>
    public int ColorGrid { get; init; } = 4;

    /// <summary>Pixels per side of one colour token (1: its cell's mean colour).</summary>
    public int ColorCell { get; init; } = 2;

    /// <summary>Where a locked backbone's features are cached; null: <c>feature-cache</c> in the data folder.</summary>
    public string? FeatureCacheDirectory { get; init; }

    /// <summary>Views per image in the feature cache: 1 (the image itself) or more (augmented crops and mirrors as well).</summary>
    public int FeatureViews { get; init; } = 1;

    /// <summary>Learning-rate multiplier of trainable backbone weights (<see cref="TrainerOptions.BackboneLearningRateScale"/>).</summary>
    public double BackboneLearningRateScale { get; init; } = 0.1;

    /// <summary>Patch side in pixels for a fresh run; null keeps the config's (or image size / 8 with <see cref="ImageSize"/>).</summary>
    public int? PatchSize { get; init; }

    /// <summary>Dropout on embeddings and residual branches; null keeps the config's.</summary>
    public double? Dropout { get; init; }

    /// <summary>Dropout inside the experts; null keeps the config's.</summary>
    public double? ExpertDropout { get; init; }

    /// <summary>Switch load-balancing weight alpha; null keeps the config's.</summary>
    public double? LoadBalanceWeight { get; init; }

    /// <summary>Expert capacity factor in training; null keeps the config's.</summary>
    public double? TrainCapacityFactor { get; init; }

    /// <summary>Optimizer steps in total, counting resumed ones (the schedule spans them).</summary>
    public long Steps { get; init; } = 3000;

    /// <summary>Image-text pairs per step (in-batch negatives).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Micro-batches per step (gradient accumulation).</summary>
    public int AccumulationSteps { get; init; } = 1;

    /// <summary>Peak learning rate (AdamW, linear warm-up then cosine decay).</summary>
    public double PeakLearningRate { get; init; } = 1e-3;

    /// <summary>Warm-up steps; null is 5% of <see cref="Steps"/> (at least 1).</summary>
    public long? WarmupSteps { get; init; }

    /// <summary>Learning-rate multiplier for the MoE routers (<see cref="TrainerOptions.RouterLearningRateScale"/>).</summary>
    public double RouterLearningRateScale { get; init; } = 1;

    /// <summary>Recompute activations in the backward pass to save memory.</summary>
    public bool ActivationCheckpointing { get; init; }

    /// <summary>Seed for initialisation and data order.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Hard negatives: batches built from runs of products sharing catalog fields; null for plain shuffled batches.</summary>
    public BatchGrouping? Grouping { get; init; }

    /// <summary>Steps between checkpoints.</summary>
    public int CheckpointEvery { get; init; } = 100;

    /// <summary>Continue from the checkpoint next to the model exactly (weights, optimizer, step, data order).</summary>
    public bool Resume { get; init; }

    /// <summary>
    /// Start from the weights of this model file (its config and tokenizer; fresh optimizer, step 0); the fresh-run
    /// shape settings (<see cref="Config"/>, <see cref="ExpertGroups"/>, <see cref="PatchStem"/>, sizes) do not apply.
    /// </summary>
    public string? InitFrom { get; init; }

    /// <summary>
    /// Stop after this much training time (checkpoint and model written; the schedule still spans <see cref="Steps"/>);
    /// null: no limit.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Where to train.</summary>
    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    /// <summary>The command recorded in the model's provenance (for example the <c>m6 train</c> command line); null records none.</summary>
    public string? Command { get; init; }

    /// <summary>The trainer settings these options ask for (validated).</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public TrainerOptions ToTrainerOptions()
    {
        var options = new TrainerOptions
        {
            PeakLearningRate = PeakLearningRate,
            WarmupSteps = WarmupSteps ?? Math.Max(1, Steps / 20),
            TotalSteps = Steps,
            AccumulationSteps = AccumulationSteps,
            ActivationCheckpointing = ActivationCheckpointing,
            RouterLearningRateScale = RouterLearningRateScale,
            BackboneLearningRateScale = BackboneLearningRateScale,
        };
        options.Validate();
        return options;
    }

    /// <summary>
    /// Applies the regularisation overrides (dropout, load balancing, capacity) to <paramref name="config"/>, and, when
    /// it reads a backbone, <see cref="BackboneTrainable"/> if given.
    /// </summary>
    public EncoderConfig WithRegularisation(EncoderConfig config) => config with
    {
        Dropout = Dropout ?? config.Dropout,
        ExpertDropout = ExpertDropout ?? config.ExpertDropout,
        LoadBalanceWeight = LoadBalanceWeight ?? config.LoadBalanceWeight,
        TrainCapacityFactor = TrainCapacityFactor ?? config.TrainCapacityFactor,
        Backbone = config.Backbone is { } backbone && BackboneTrainable is { } trainable ? backbone with { Trained = trainable } : config.Backbone,
    };

    /// <summary>The encoder config of a fresh run: the named config with the shape settings and regularisation applied (validated).</summary>
    /// <exception cref="ArgumentException">The config name is unknown or the result is invalid; the message says why.</exception>
    public EncoderConfig ToEncoderConfig()
    {
        EncoderConfig config = EncoderConfig.Named(Config);
        if (ExpertGroups > 1)
        {
            config = config with { ExpertGroups = ExpertGroups, Name = $"{config.Name}-proto{ExpertGroups}" };
        }

        if (Backbone is { } backboneName)
        {
            if (PatchSize is not null || PatchStem != PatchStem.Linear)
            {
                throw new ArgumentException("--patch-size and --patch-stem shape the encoder's own patch tokens; with --backbone the image tokens come from the backbone.", nameof(PatchSize));
            }

            var backbone = new ImageBackboneConfig
            {
                Identity = BackboneIdentity.FromName(backboneName),
                Stage = BackboneStage,
                ColorGrid = ColorGrid,
                ColorCell = ColorCell,
                Trained = BackboneTrainable.GetValueOrDefault(),
            };
            config = WithRegularisation(config.WithBackbone(backbone, ImageSize ?? DefaultBackboneImageSize));
            config.Validate();
            return config;
        }

        if (ImageSize is { } side)
        {
            int patch = PatchSize ?? Math.Max(1, side / 8);
            config = config with { ImageSize = side, PatchSize = patch, Name = $"{config.Name}-{side}px{patch}" };
        }
        else if (PatchSize is { } patch && patch != config.PatchSize)
        {
            config = config with { PatchSize = patch, Name = $"{config.Name}-p{patch}" };
        }

        if (PatchStem != config.PatchStem)
        {
            config = config with { PatchStem = PatchStem, Name = $"{config.Name}-{PatchStem.ToString().ToLowerInvariant()}stem" };
        }

        config = WithRegularisation(config);
        config.Validate();
        return config;
    }
}
