namespace M6Search.Encoder.Training;

/// <summary>How long <see cref="TrainingLoop"/> runs and where it checkpoints.</summary>
public sealed record TrainingLoopOptions
{
    /// <summary>Train until the trainer's step count reaches this.</summary>
    public required long TotalSteps { get; init; }

    /// <summary>Checkpoint file (written atomically).</summary>
    public required string CheckpointPath { get; init; }

    /// <summary>Steps between checkpoints; 0 writes one only at the end or on cancellation.</summary>
    public int CheckpointEvery { get; init; } = 200;

    /// <summary>
    /// Wall-clock budget for this run: when it is spent the loop stops before the next step, checkpoints, and returns
    /// as if it had reached <see cref="TotalSteps"/> (the learning-rate schedule is not shortened). Null: no limit.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }
}
