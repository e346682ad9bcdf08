using System.Text;
using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Model;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Serialization;
using M6Search.Encoder.Tokenization;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Training;

// The trainer's persistence: starting from a checkpoint or a model file, writing checkpoints and model files.
public sealed partial class ContrastiveTrainer
{
    /// <summary>Restores a trainer, its model, optimizer and random streams from a checkpoint.</summary>
    /// <param name="checkpointPath">A file written by <see cref="SaveCheckpoint"/>.</param>
    /// <param name="device">Where to continue (CPU when null).</param>
    /// <param name="options">
    /// Replaces the stored trainer settings (for example a longer TotalSteps), except the router learning-rate scale,
    /// which shapes the optimizer state and so is always the checkpoint's; null keeps them all.
    /// </param>
    /// <param name="logger">Logger for the new trainer.</param>
    /// <exception cref="ModelFileException">The checkpoint is missing, corrupt or incompatible.</exception>
    public static ResumedTraining Resume(string checkpointPath, Device? device = null, TrainerOptions? options = null, ILogger? logger = null)
    {
        (CheckpointHeader header, byte[] model, byte[] optimizer, byte[] random, byte[]? backbone) = TrainingCheckpoint.Read(checkpointPath);
        var encoder = new MultimodalEncoder(header.Config);
        ContrastiveTrainer? trainer = null;
        ImageTower? tower = null;
        try
        {
            ModelFile.LoadWeights(encoder, model, checkpointPath, header.Config.Name);
            tower = TowerFor(header.Config, backbone, checkpointPath);
            // The router scale decides how many optimizer groups there are, so it always comes from the checkpoint.
            TrainerOptions resumed = options is null ? header.Options : options with { RouterLearningRateScale = header.Options.RouterLearningRateScale };
            trainer = new ContrastiveTrainer(encoder, resumed, device, logger, ownsModel: true, tower);
            trainer.RestoreState(checkpointPath, header.Step, optimizer, random);
            trainer.Lineage = header.Lineage;
            TrainerLog.Resumed(trainer._logger, checkpointPath, header.Step);
            return new ResumedTraining(trainer, header.DataPosition);
        }
        catch
        {
            if (trainer is null)
            {
                encoder.Dispose();
                tower?.Dispose();
            }
            else
            {
                trainer.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// A new trainer (step 0, fresh optimizer state) whose encoder starts from the weights of a model file: continuing a
    /// shipped model whose checkpoint is not at hand, or fine-tuning it on other data. The file's config and tokenizer
    /// are kept; <paramref name="adjust"/> may change what does not shape a weight (dropout, load balancing, capacity,
    /// and which backbone weights train: a locked backbone may start training its last stage or all of it).
    /// </summary>
    /// <param name="modelPath">A model file written by <see cref="ExportModel"/>.</param>
    /// <param name="options">Trainer settings; their tokenizer is replaced by the file's.</param>
    /// <param name="device">Where to train (CPU when null).</param>
    /// <param name="adjust">Changes to the file's config; null keeps it.</param>
    /// <param name="logger">Logger for the new trainer.</param>
    /// <exception cref="ModelFileException">The file is missing, corrupt or incompatible.</exception>
    /// <exception cref="ArgumentException"><paramref name="adjust"/> changed the shape of a weight.</exception>
    public static ContrastiveTrainer InitializeFrom(
        string modelPath, TrainerOptions options, Device? device = null, Func<EncoderConfig, EncoderConfig>? adjust = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        LoadedModel loaded = ModelFile.Load(modelPath);
        MultimodalEncoder encoder = loaded.Model;
        EncoderConfig config = adjust?.Invoke(loaded.Header.Config) ?? loaded.Header.Config;
        if ((config.Backbone is null) != (loaded.Header.Config.Backbone is null)
            || (config.Backbone is { } changed && changed with { Trained = BackboneTrainable.None } != loaded.Header.Config.Backbone! with { Trained = BackboneTrainable.None }))
        {
            loaded.Model.Dispose();
            throw new ArgumentException(
                $"{modelPath} reads images {(loaded.Header.Config.Backbone is { } had ? $"through {had.ShortName()}" : "with its own patch tokens")}; " +
                "a run started from it keeps that image side (only which backbone weights train may change).", nameof(adjust));
        }

        if (config != loaded.Header.Config)
        {
            config.Validate();
            encoder = new MultimodalEncoder(config);
            try
            {
                Dictionary<string, Tensor> weights = loaded.Model.state_dict();
                foreach ((string name, Tensor target) in encoder.state_dict())
                {
                    if (!weights.TryGetValue(name, out Tensor? source) || !source.shape.SequenceEqual(target.shape))
                    {
                        throw new ArgumentException(
                            $"The changed config moves or reshapes weight '{name}' of {modelPath}; only regularisation may change.", nameof(adjust));
                    }
                }

                encoder.load_state_dict(weights);
            }
            catch
            {
                encoder.Dispose();
                loaded.Model.Dispose();
                throw;
            }

            loaded.Model.Dispose();
        }

        encoder.train();
        ImageTower? tower = null;
        try
        {
            ModelFileHeader from = loaded.Header;
            string lineage = $"initialised from {Path.GetFileName(modelPath)} ({from.ModelVersion}, {from.Provenance?.Steps ?? 0} steps"
                + (from.Provenance?.Notes is { } earlier ? $"; that model: {earlier})" : ")");
            tower = TowerFor(config, loaded.BackboneWeights, modelPath, loaded.Header.Config.Backbone?.Trained);
            return new ContrastiveTrainer(encoder, options with { Tokenizer = loaded.Header.Tokenizer }, device, logger, ownsModel: true, tower)
            {
                Lineage = lineage,
            };
        }
        catch
        {
            encoder.Dispose();
            tower?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Where the weights came from before step 0: set by <see cref="InitializeFrom"/> (the model file, its version and
    /// steps, and that model's own lineage), kept in checkpoints and restored by <see cref="Resume"/>; null for a run
    /// that started from fresh weights.
    /// </summary>
    public string? Lineage { get; private set; }

    /// <summary>
    /// Writes a checkpoint (atomically): weights, optimizer state, step, random streams and
    /// <paramref name="dataPosition"/>; <see cref="Resume"/> continues from it exactly.
    /// </summary>
    public void SaveCheckpoint(string path, DataPosition dataPosition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(dataPosition);
        byte[] model = ModelFile.WeightsOf(_model);
        byte[] optimizer;
        using (var buffer = new MemoryStream())
        {
            using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            {
                _optimizer.Save(writer);
            }

            optimizer = buffer.ToArray();
        }

        byte[] random;
        using (var buffer = new MemoryStream())
        {
            using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            {
                using Tensor dropout = _model.Randomness.GetState(_device);
                dropout.Save(writer);
                using Tensor global = torch.get_rng_state();
                global.Save(writer);
            }

            random = buffer.ToArray();
        }

        byte[]? backbone = TrainedBackboneWeights();
        var header = new CheckpointHeader
        {
            Format = TrainingCheckpoint.FormatName,
            FormatVersion = TrainingCheckpoint.FormatVersion,
            CreatedUtc = DateTimeOffset.UtcNow,
            Step = _step,
            DataPosition = dataPosition,
            Config = _model.Config,
            Tokenizer = _tokenizer,
            Options = _options,
            Lineage = Lineage,
            EntrySha256 = new Dictionary<string, string>(),
        };
        TrainingCheckpoint.Write(path, header, model, optimizer, random, backbone);
        TrainerLog.CheckpointSaved(_logger, path, _step);
    }

    /// <summary>Writes the current weights (and the backbone weights training changed, if any) as a model file for serving.</summary>
    public ModelFileHeader ExportModel(string path, TrainingProvenance? provenance = null)
    {
        _model.eval();
        return ModelFile.Save(path, _model, _tokenizer, provenance, TrainedBackboneWeights());
    }

    /// <summary>
    /// The image tower of an encoder read from <paramref name="source"/>: needed only when <paramref name="config"/>
    /// trains backbone weights. It starts from the package's weights with the part the source trained
    /// (<paramref name="sourceTrained"/>, by default the config's own) loaded over them, so a locked model may go on to
    /// train its last stage or all of it, but a part once trained is never dropped from the model file.
    /// </summary>
    private static ImageTower? TowerFor(EncoderConfig config, byte[]? trainedWeights, string source, BackboneTrainable? sourceTrained = null)
    {
        if (config.Backbone is not { } backbone)
        {
            return null;
        }

        BackboneTrainable carried = sourceTrained ?? backbone.Trained;
        if (carried > backbone.Trained)
        {
            throw new ArgumentException(
                $"{source} carries trained backbone weights ({BackboneTrainableNames.ToName(carried)}); a run from it must train at least that part, " +
                $"not {BackboneTrainableNames.ToName(backbone.Trained)}.");
        }

        if (backbone.Trained == BackboneTrainable.None)
        {
            return null;
        }

        try
        {
            return ImageTower.Load(backbone, config.ImageSize, trainedWeights, weightsPart: carried);
        }
        catch (Backbone.Files.BackboneException e)
        {
            throw new ModelFileException(source, $"its backbone {backbone.Identity.Describe()} cannot be used: {e.Message}", e);
        }
    }

    private byte[]? TrainedBackboneWeights() =>
        _model.Config.Backbone is { Trained: not BackboneTrainable.None } ? _tower!.TrainedWeights() : null;

    private void RestoreState(string path, long step, byte[] optimizer, byte[] random)
    {
        try
        {
            using (var reader = new BinaryReader(new MemoryStream(optimizer, writable: false), Encoding.UTF8))
            {
                _optimizer.Load(reader);
            }

            using var randomReader = new BinaryReader(new MemoryStream(random, writable: false), Encoding.UTF8);
            using Tensor dropout = Tensor.Load(randomReader);
            using Tensor global = Tensor.Load(randomReader);
            _model.Randomness.SetState(_device, dropout);
            torch.set_rng_state(global);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or EndOfStreamException or IOException)
        {
            throw new ModelFileException(path, $"its optimizer or random state does not fit this trainer: {e.Message}", e);
        }

        _step = step;
    }
}
