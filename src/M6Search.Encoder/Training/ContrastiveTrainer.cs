using System.Diagnostics;
using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Model;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Tokenization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Training;

/// <summary>
/// Trains a <see cref="MultimodalEncoder"/> on matching image-text pairs with symmetric InfoNCE and a learnable
/// temperature, plus the MoE auxiliary losses. AdamW with warm-up and cosine decay, global gradient clipping, gradient
/// accumulation over micro-batches, bfloat16 matmuls on CUDA, optional activation checkpointing. A step whose loss or
/// gradient is not finite changes nothing and is logged. Checkpoints hold everything needed to continue exactly.
/// An encoder with a pretrained backbone trains on cached features when the backbone is locked, or on pixels through
/// its <see cref="ImageTower"/> when training changes backbone weights (<see cref="ImageBackboneConfig.Trained"/>).
/// Not thread-safe: one thread drives a trainer.
/// </summary>
public sealed partial class ContrastiveTrainer : IDisposable
{
    private readonly MultimodalEncoder _model;
    private readonly ImageTower? _tower;
    private readonly TrainerOptions _options;
    private readonly Device _device;
    private readonly ILogger _logger;
    private readonly bool _ownsModel;
    private readonly TrainerOptimizer _optimizer;
    private readonly WarmupCosineSchedule _schedule;
    private readonly TokenizerOptions _tokenizer;
    private long _step;

    /// <summary>A trainer for <paramref name="model"/>, which is moved to <paramref name="device"/> (CPU when null).</summary>
    /// <param name="model">The encoder to train.</param>
    /// <param name="options">Trainer settings.</param>
    /// <param name="device">Where to train.</param>
    /// <param name="logger">Receives skipped steps and checkpoint notes.</param>
    /// <param name="ownsModel">Dispose the model (and the tower) with the trainer.</param>
    /// <param name="tower">
    /// The image side of an encoder with a backbone: required when the config trains backbone weights; otherwise
    /// optional (then pixel batches are read through it without training it; cached features need none).
    /// </param>
    public ContrastiveTrainer(
        MultimodalEncoder model, TrainerOptions options, Device? device = null, ILogger? logger = null, bool ownsModel = false, ImageTower? tower = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        if (model.Config.Backbone is null && tower is not null)
        {
            throw new ArgumentException($"Encoder '{model.Config.Name}' has its own patch tokens; it takes no image tower.", nameof(tower));
        }

        BackboneTrainable trained = model.Config.Backbone?.Trained ?? BackboneTrainable.None;
        if (trained != BackboneTrainable.None && tower is null)
        {
            throw new ArgumentException(
                $"Encoder '{model.Config.Name}' trains its backbone's {BackboneTrainableNames.ToName(trained)} weights: give the trainer its image tower.", nameof(tower));
        }

        _tower = tower;
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _tokenizer = options.Tokenizer ?? TokenizerOptions.For(model.Config);
        if (_tokenizer.VocabSize != model.Config.VocabSize)
        {
            throw new ArgumentException(
                $"Tokenizer vocabulary ({_tokenizer.VocabSize}) differs from the encoder's ({model.Config.VocabSize}).", nameof(options));
        }

        _device = device ?? torch.CPU;
        _logger = logger ?? NullLogger.Instance;
        _ownsModel = ownsModel;
        if (_device.type != DeviceType.CPU)
        {
            _model.to(_device);
            _tower?.MoveTo(_device);
        }

        _tower?.SetTrainable(trained);

        bool bf16 = options.Precision == PrecisionMode.BFloat16 || (options.Precision == PrecisionMode.Auto && _device.type == DeviceType.CUDA);
        _model.Precision.Type = bf16 ? ScalarType.BFloat16 : ScalarType.Float32;
        _model.ActivationCheckpointing = options.ActivationCheckpointing;

        _optimizer = new TrainerOptimizer(_model, options, _tower);
        _schedule = new WarmupCosineSchedule(options.PeakLearningRate, options.WarmupSteps, options.TotalSteps, options.MinLearningRate);

        TrainerLog.Ready(
            _logger, model.Config.Name, _optimizer.ParameterCount, _device.ToString(), _model.Precision.Type.ToString(),
            options.ActivationCheckpointing);
    }

    /// <summary>The encoder being trained.</summary>
    public MultimodalEncoder Model => _model;

    /// <summary>The image side of an encoder with a backbone, when the trainer has one.</summary>
    public ImageTower? Tower => _tower;

    /// <summary>Settings in use.</summary>
    public TrainerOptions Options => _options;

    /// <summary>The device training runs on.</summary>
    public Device Device => _device;

    /// <summary>Steps taken so far (the index of the next step).</summary>
    public long Step => _step;

    /// <summary>The learning-rate schedule.</summary>
    public WarmupCosineSchedule Schedule => _schedule;

    /// <summary>
    /// One optimizer step on <paramref name="batch"/>, split into <see cref="TrainerOptions.AccumulationSteps"/>
    /// micro-batches (each micro-batch's own pairs are its contrastive negatives).
    /// </summary>
    public TrainingStepMetrics TrainStep(TrainingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int count = batch.Count;
        if (count < 1 || batch.TokenIds.shape[0] != count || batch.TokenMask.shape[0] != count)
        {
            throw new ArgumentException(
                $"A training batch needs as many texts as images (at least one); got {count} images, {batch.TokenIds.shape[0]} texts.",
                nameof(batch));
        }

        var clock = Stopwatch.StartNew();
        long step = _step;
        double learningRate = _schedule.LearningRateAt(step);
        _optimizer.SetLearningRate(learningRate);

        _model.train();
        _optimizer.ZeroGradients();
        int chunks = Math.Min(_options.AccumulationSteps, count);
        var totals = new StepTotals();
        string? skipReason = null;
        for (int chunk = 0; chunk < chunks && skipReason is null; chunk++)
        {
            long start = (long)chunk * count / chunks;
            long length = ((long)(chunk + 1) * count / chunks) - start;
            double weight = length / (double)count;
            using var scope = torch.NewDisposeScope();
            Tensor ids = batch.TokenIds.narrow(0, start, length).to(_device);
            Tensor mask = batch.TokenMask.narrow(0, start, length).to(_device);

            EncoderOutput image = EncodeImageSide(batch, start, length);
            EncoderOutput text = _model.EncodeTexts(ids, mask);
            Tensor scale = _model.LogitScale.Within(0, Math.Log(_options.MaxLogitScale)).exp();
            (Tensor contrastive, Tensor imageAccuracy, Tensor textAccuracy) = ContrastiveLoss.Compute(image.Embeddings, text.Embeddings, scale);
            Tensor auxiliary = image.AuxiliaryLoss.Plus(text.AuxiliaryLoss);
            Tensor loss = contrastive.Plus(auxiliary);

            MicroBatchMetrics values = MicroBatchMetrics.CopyToHost(
                loss,
                contrastive,
                auxiliary,
                image.LoadBalanceLoss.Plus(text.LoadBalanceLoss),
                image.RouterZLoss.Plus(text.RouterZLoss),
                imageAccuracy,
                textAccuracy,
                scale,
                image.MoeLayers,
                text.MoeLayers);
            if (!float.IsFinite(values.Loss))
            {
                skipReason = $"loss is {values.Loss} in micro-batch {chunk + 1} of {chunks}";
                break;
            }

            loss.Times(weight).backward();
            totals.Add(values, weight);
        }

        double gradientNorm = double.NaN;
        if (skipReason is null)
        {
            using var scope = torch.NewDisposeScope();
            gradientNorm = _optimizer.ClipGradients(_options.GradientClipNorm);
            if (!double.IsFinite(gradientNorm))
            {
                skipReason = $"gradient norm is {gradientNorm}";
            }
            else
            {
                _optimizer.Step();
            }
        }

        _optimizer.ZeroGradients();
        _step++;
        if (skipReason is not null)
        {
            TrainerLog.StepSkipped(_logger, step, skipReason);
            return new TrainingStepMetrics
            {
                Step = step,
                Skipped = true,
                SkipReason = skipReason,
                Examples = count,
                LearningRate = learningRate,
                GradientNorm = gradientNorm,
                Loss = double.NaN,
                ContrastiveLoss = double.NaN,
                Elapsed = clock.Elapsed,
            };
        }

        return totals.ToMetrics(step, count, learningRate, gradientNorm, clock.Elapsed);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        if (_ownsModel)
        {
            _model.Dispose();
            _tower?.Dispose();
        }
    }

    /// <summary>Embeddings of rows [start, start + length) of the batch's image side, on the trainer's device.</summary>
    private EncoderOutput EncodeImageSide(TrainingBatch batch, long start, long length)
    {
        if (batch.Features is { } features)
        {
            Tensor? cells = batch.ColorCells?.narrow(0, start, length).to(_device);
            return _model.EncodeImageFeatures(features.narrow(0, start, length).to(_device), cells);
        }

        Tensor images = batch.Images!.narrow(0, start, length).to(_device);
        if (_model.Config.Backbone is null)
        {
            return _model.EncodeImages(images);
        }

        ImageTower tower = _tower ?? throw new InvalidOperationException(
            $"Encoder '{_model.Config.Name}' reads images through a backbone: give the trainer cached features or its image tower.");
        ImageFeatures read = tower.Read(images);
        return _model.EncodeImageFeatures(read.Features, read.ColorCells);
    }
}
