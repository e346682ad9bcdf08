using M6Search.Encoder.Tokenization;

namespace M6Search.Encoder.Training;

/// <summary>Settings of <see cref="ContrastiveTrainer"/>; stored in every checkpoint.</summary>
public sealed record TrainerOptions
{
    /// <summary>Learning rate at the end of the warm-up.</summary>
    public double PeakLearningRate { get; init; } = 5e-4;

    /// <summary>Learning rate at the end of the cosine decay.</summary>
    public double MinLearningRate { get; init; } = 1e-5;

    /// <summary>Steps of linear warm-up.</summary>
    public long WarmupSteps { get; init; } = 200;

    /// <summary>Planned optimizer steps (the cosine reaches the minimum here).</summary>
    public long TotalSteps { get; init; } = 10_000;

    /// <summary>AdamW decoupled weight decay, applied to matrices only (not to biases, norms, embeddings, temperature).</summary>
    public double WeightDecay { get; init; } = 0.05;

    /// <summary>AdamW beta1.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>AdamW beta2 (0.98 as in CLIP: steadier with large contrastive batches).</summary>
    public double Beta2 { get; init; } = 0.98;

    /// <summary>AdamW epsilon.</summary>
    public double Epsilon { get; init; } = 1e-6;

    /// <summary>
    /// Learning-rate multiplier for the MoE routers, which in our runs stay near their initialisation at the common
    /// rate (docs/shipped-model.md). Other than 1, the routers get their own optimizer group without weight decay.
    /// </summary>
    public double RouterLearningRateScale { get; init; } = 1;

    /// <summary>
    /// Learning-rate multiplier for the weights of a trainable pretrained backbone (<c>--backbone-trainable
    /// last-stage|all</c>): fine-tuning moves them more gently than the freshly initialised encoder.
    /// </summary>
    public double BackboneLearningRateScale { get; init; } = 0.1;

    /// <summary>Largest global gradient norm; gradients are scaled down to it.</summary>
    public double GradientClipNorm { get; init; } = 1.0;

    /// <summary>Micro-batches one batch is split into, gradients summed before one optimizer step.</summary>
    public int AccumulationSteps { get; init; } = 1;

    /// <summary>Cap on exp(logit scale), i.e. the lowest temperature is 1 / this (CLIP: 100).</summary>
    public double MaxLogitScale { get; init; } = 100;

    /// <summary>Matmul precision.</summary>
    public PrecisionMode Precision { get; init; } = PrecisionMode.Auto;

    /// <summary>Recompute layer activations in the backward pass to save memory.</summary>
    public bool ActivationCheckpointing { get; init; }

    /// <summary>The tokenizer the text batches come from (recorded in checkpoints); null = the encoder's default.</summary>
    public TokenizerOptions? Tokenizer { get; init; }

    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names it.</exception>
    public void Validate()
    {
        Require(PeakLearningRate > 0, nameof(PeakLearningRate), "must be positive");
        Require(MinLearningRate >= 0 && MinLearningRate <= PeakLearningRate, nameof(MinLearningRate), "must be in [0, PeakLearningRate]");
        Require(WarmupSteps >= 0, nameof(WarmupSteps), "must not be negative");
        Require(TotalSteps >= Math.Max(1, WarmupSteps), nameof(TotalSteps), "must be at least WarmupSteps and 1");
        Require(WeightDecay >= 0, nameof(WeightDecay), "must not be negative");
        Require(Beta1 is >= 0 and < 1, nameof(Beta1), "must be in [0, 1)");
        Require(Beta2 is >= 0 and < 1, nameof(Beta2), "must be in [0, 1)");
        Require(Epsilon > 0, nameof(Epsilon), "must be positive");
        Require(RouterLearningRateScale > 0 && double.IsFinite(RouterLearningRateScale), nameof(RouterLearningRateScale), "must be positive and finite");
        Require(BackboneLearningRateScale > 0 && double.IsFinite(BackboneLearningRateScale), nameof(BackboneLearningRateScale), "must be positive and finite");
        Require(GradientClipNorm > 0, nameof(GradientClipNorm), "must be positive");
        Require(AccumulationSteps >= 1, nameof(AccumulationSteps), "must be at least 1");
        Require(MaxLogitScale > 1, nameof(MaxLogitScale), "must exceed 1");
        Tokenizer?.Validate();
    }

    private static void Require(bool condition, string field, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"Trainer option {field} {rule}.", field);
        }
    }
}
