namespace M6Search.Encoder.Serialization;

/// <summary>How the weights in a model file came to be, recorded by whoever trained them.</summary>
public sealed record TrainingProvenance
{
    /// <summary>The command line that trained the model.</summary>
    public string? Command { get; init; }

    /// <summary>Optimizer steps taken.</summary>
    public long Steps { get; init; }

    /// <summary>The training data (paths, sizes, content hashes).</summary>
    public string? Data { get; init; }

    /// <summary>When training started.</summary>
    public DateTimeOffset? StartedUtc { get; init; }

    /// <summary>When training finished.</summary>
    public DateTimeOffset? FinishedUtc { get; init; }

    /// <summary>The device it ran on.</summary>
    public string? Device { get; init; }

    /// <summary>Final or evaluation metrics by name (loss, accuracy, recall@10, ...).</summary>
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }

    /// <summary>Anything else worth knowing.</summary>
    public string? Notes { get; init; }
}
