using M6Search.Encoder.Serialization;
using M6Search.Encoder.Training.Features;

namespace M6Search.Encoder.Training.Runs;

/// <summary>What a <see cref="TrainingRun"/> wrote and how far it got.</summary>
public sealed record TrainingRunResult
{
    /// <summary>The model, checkpoint, metrics and loss-curve files.</summary>
    public required TrainingRunFiles Files { get; init; }

    /// <summary>The header of the model file written.</summary>
    public required ModelFileHeader Model { get; init; }

    /// <summary>Steps trained in total, resumed ones included.</summary>
    public required long Steps { get; init; }

    /// <summary>The steps the run was planned for.</summary>
    public required long TotalSteps { get; init; }

    /// <summary>True when the time limit stopped the run before <see cref="TotalSteps"/>; a resume continues it.</summary>
    public bool StoppedEarly => Steps < TotalSteps;

    /// <summary>What the feature-caching pass did (a locked backbone); null otherwise.</summary>
    public FeatureCachingReport? FeatureCaching { get; init; }

    /// <summary>The metrics of the last step of this run; null when it took none.</summary>
    public TrainingStepMetrics? LastStep { get; init; }
}
