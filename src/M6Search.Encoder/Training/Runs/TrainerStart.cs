using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Model;
using M6Search.Encoder.Serialization;
using M6Search.Encoder.Tokenization;
using M6Search.Encoder.Training.Data;
using TorchSharp;

namespace M6Search.Encoder.Training.Runs;

/// <summary>
/// The three ways a <see cref="TrainingRun"/> gets its trainer: resumed from the checkpoint, initialised from a model
/// file's weights, or fresh from a named config.
/// </summary>
internal static class TrainerStart
{
    /// <summary>A trainer and the data position it starts reading at; the caller disposes the trainer.</summary>
    public static (ContrastiveTrainer Trainer, DataPosition Position) Create(
        TrainingRunOptions options, TrainingRunFiles files, TrainerOptions trainerOptions, torch.Device device, TrainingRunObserver observer)
    {
        string checkpointPath = files.Checkpoint;
        if (options.Resume && !File.Exists(checkpointPath))
        {
            throw new FileNotFoundException($"--resume: no checkpoint at {checkpointPath}.", checkpointPath);
        }

        if (!options.Resume && File.Exists(checkpointPath))
        {
            throw new InvalidOperationException($"A checkpoint already exists at {checkpointPath}: pass --resume to continue it, or delete it to start over.");
        }

        if (options.Resume && options.InitFrom is not null)
        {
            throw new InvalidOperationException("--resume and --init exclude each other: --resume continues MODEL.ckpt, --init starts anew from a model file's weights.");
        }

        if (options.Resume)
        {
            return Resume(options, checkpointPath, trainerOptions, device, observer);
        }

        if (options.InitFrom is { } initFrom)
        {
            string initPath = Path.GetFullPath(initFrom);
            ModelFileHeader initHeader = ModelFile.ReadHeader(initPath);
            CheckBackboneOption(options, initHeader, initPath);
            ContrastiveTrainer initialised = ContrastiveTrainer.InitializeFrom(initPath, trainerOptions, device, options.WithRegularisation);
            observer.Note($"{initialised.Lineage}; config {initHeader.Config.Name} from the file (--config, --expert-groups, --patch-stem, --image-size, --patch-size, --backbone-stage and --color-grid do not apply)");
            return (initialised, DataPosition.Start(options.Seed, options.Grouping));
        }

        EncoderConfig config = options.ToEncoderConfig();
        var model = new MultimodalEncoder(config, (ulong)options.Seed);
        ImageTower? tower = null;
        try
        {
            // A backbone that trains reads pixels through its tower in every step; a locked one trains on cached features.
            if (config.Backbone is { Trained: not BackboneTrainable.None } backbone)
            {
                tower = ImageTower.Load(backbone, config.ImageSize);
            }

            var trainer = new ContrastiveTrainer(model, trainerOptions with { Tokenizer = TokenizerOptions.For(config) }, device, ownsModel: true, tower: tower);
            return (trainer, DataPosition.Start(options.Seed, options.Grouping));
        }
        catch
        {
            model.Dispose();
            tower?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <c>--backbone</c> with <c>--init</c>: the model file decides its image side, so the option may only name the
    /// backbone the file already reads.
    /// </summary>
    private static void CheckBackboneOption(TrainingRunOptions options, ModelFileHeader init, string initPath)
    {
        if (options.Backbone is not { } name)
        {
            return;
        }

        if (init.Config.Backbone is not { } backbone)
        {
            throw new InvalidOperationException(
                $"--backbone {name}: {initPath} reads images with its own patch tokens, and a run from it keeps them; start a fresh run (without --init) to train with a backbone.");
        }

        if (!string.Equals(backbone.Identity.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"--backbone {name}: {initPath} reads images through {backbone.Identity.Name}, and a run from it keeps that backbone.");
        }
    }

    /// <summary>"none", or the fields and run length of a batch grouping.</summary>
    public static string Describe(BatchGrouping? grouping) =>
        grouping is null ? "none" : $"{grouping.Fields} in runs of {grouping.GroupSize}";

    private static (ContrastiveTrainer Trainer, DataPosition Position) Resume(
        TrainingRunOptions options, string checkpointPath, TrainerOptions trainerOptions, torch.Device device, TrainingRunObserver observer)
    {
        ResumedTraining resumed = ContrastiveTrainer.Resume(checkpointPath, device, trainerOptions);
        BatchGrouping? grouping = options.Grouping;
        if (grouping is not null && grouping != resumed.Position.Grouping)
        {
            resumed.Trainer.Dispose();
            throw new InvalidOperationException(
                $"--group-by {grouping.Fields} --group-size {grouping.GroupSize} differs from the checkpoint's batch grouping ({Describe(resumed.Position.Grouping)}); a resume reads the data as the run started it.");
        }

        observer.Note($"resumed {checkpointPath} at step {resumed.Trainer.Step}");
        return (resumed.Trainer, resumed.Position);
    }
}
