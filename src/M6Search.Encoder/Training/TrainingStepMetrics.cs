using System.Globalization;

namespace M6Search.Encoder.Training;

/// <summary>What one optimizer step did (all values host-side; collected with one device round trip per micro-batch).</summary>
public sealed record TrainingStepMetrics
{
    /// <summary>0-based step index.</summary>
    public required long Step { get; init; }

    /// <summary>True when the step changed nothing because the loss or gradient was not finite.</summary>
    public bool Skipped { get; init; }

    /// <summary>Why it was skipped.</summary>
    public string? SkipReason { get; init; }

    /// <summary>Image-text pairs in the batch.</summary>
    public int Examples { get; init; }

    /// <summary>Contrastive plus auxiliary loss.</summary>
    public double Loss { get; init; }

    /// <summary>Symmetric InfoNCE loss.</summary>
    public double ContrastiveLoss { get; init; }

    /// <summary>Load-balancing plus z-loss of both modalities' passes.</summary>
    public double AuxiliaryLoss { get; init; }

    /// <summary>Load-balancing part of <see cref="AuxiliaryLoss"/>.</summary>
    public double LoadBalanceLoss { get; init; }

    /// <summary>z-loss part of <see cref="AuxiliaryLoss"/>.</summary>
    public double RouterZLoss { get; init; }

    /// <summary>Fraction of images whose own text scored highest in the batch.</summary>
    public double ImageToTextAccuracy { get; init; }

    /// <summary>Fraction of texts whose own image scored highest in the batch.</summary>
    public double TextToImageAccuracy { get; init; }

    /// <summary>Mean of the two accuracies.</summary>
    public double Accuracy => (ImageToTextAccuracy + TextToImageAccuracy) / 2;

    /// <summary>Learning rate used.</summary>
    public double LearningRate { get; init; }

    /// <summary>Softmax temperature (1 / clamped logit scale).</summary>
    public double Temperature { get; init; }

    /// <summary>Global gradient norm before clipping (NaN when skipped before the backward pass).</summary>
    public double GradientNorm { get; init; }

    /// <summary>Per MoE layer, the fraction of image tokens routed to each expert.</summary>
    public IReadOnlyList<float[]> ImageExpertLoad { get; init; } = [];

    /// <summary>Per MoE layer, the fraction of (non-padding) text tokens routed to each expert.</summary>
    public IReadOnlyList<float[]> TextExpertLoad { get; init; } = [];

    /// <summary>Fraction of image token assignments dropped for capacity, mean over MoE layers.</summary>
    public double ImageDropRate { get; init; }

    /// <summary>Fraction of text token assignments dropped for capacity, mean over MoE layers.</summary>
    public double TextDropRate { get; init; }

    /// <summary>Wall time of the step.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>One line for a console or log file.</summary>
    public string ToLogLine()
    {
        if (Skipped)
        {
            return string.Create(CultureInfo.InvariantCulture, $"step {Step}: skipped ({SkipReason})");
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"step {Step}: loss {Loss:F4} (contrastive {ContrastiveLoss:F4}, aux {AuxiliaryLoss:F4}) acc {Accuracy:P1} " +
            $"lr {LearningRate:E2} T {Temperature:F4} |g| {GradientNorm:F3} drop img {ImageDropRate:P1} txt {TextDropRate:P1} " +
            $"{Elapsed.TotalMilliseconds:F0} ms");
    }
}
