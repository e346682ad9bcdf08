namespace M6Search.Encoder.Training;

/// <summary>
/// Learning rate per optimizer step: linear warm-up from peak/warmup to the peak over the first
/// <see cref="WarmupSteps"/> steps, then half a cosine from the peak down to <see cref="Minimum"/> at
/// <see cref="TotalSteps"/>, and the minimum after that.
/// </summary>
public sealed class WarmupCosineSchedule
{
    /// <summary>A schedule.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public WarmupCosineSchedule(double peak, long warmupSteps, long totalSteps, double minimum = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(peak);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, Math.Max(1, warmupSteps));
        ArgumentOutOfRangeException.ThrowIfNegative(minimum);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimum, peak);
        Peak = peak;
        WarmupSteps = warmupSteps;
        TotalSteps = totalSteps;
        Minimum = minimum;
    }

    /// <summary>Largest rate, reached at the end of the warm-up.</summary>
    public double Peak { get; }

    /// <summary>Steps of linear warm-up.</summary>
    public long WarmupSteps { get; }

    /// <summary>Step at which the cosine reaches the minimum.</summary>
    public long TotalSteps { get; }

    /// <summary>Rate at and after <see cref="TotalSteps"/>.</summary>
    public double Minimum { get; }

    /// <summary>The rate for 0-based optimizer step <paramref name="step"/>.</summary>
    public double LearningRateAt(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (step < WarmupSteps)
        {
            return Peak * (step + 1) / WarmupSteps;
        }

        long decaySteps = Math.Max(1, TotalSteps - WarmupSteps);
        double progress = Math.Min(1.0, (step - WarmupSteps) / (double)decaySteps);
        return Minimum + ((Peak - Minimum) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }
}
