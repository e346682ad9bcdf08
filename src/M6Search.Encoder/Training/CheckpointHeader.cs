using M6Search.Encoder.Model;
using M6Search.Encoder.Tokenization;

namespace M6Search.Encoder.Training;

/// <summary>The JSON header of a training checkpoint.</summary>
public sealed record CheckpointHeader
{
    /// <summary>Always <see cref="TrainingCheckpoint.FormatName"/>.</summary>
    public required string Format { get; init; }

    /// <summary>Layout version; this build reads <see cref="TrainingCheckpoint.FormatVersion"/>.</summary>
    public required int FormatVersion { get; init; }

    /// <summary>When it was written.</summary>
    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>Optimizer steps completed (the next step has this index).</summary>
    public required long Step { get; init; }

    /// <summary>Where the data pipeline stood.</summary>
    public required DataPosition DataPosition { get; init; }

    /// <summary>The encoder's shape.</summary>
    public required EncoderConfig Config { get; init; }

    /// <summary>The tokenizer the text batches came from.</summary>
    public required TokenizerOptions Tokenizer { get; init; }

    /// <summary>Trainer settings.</summary>
    public required TrainerOptions Options { get; init; }

    /// <summary>Where the weights came from before step 0 (<see cref="ContrastiveTrainer.Lineage"/>); null for a fresh start.</summary>
    public string? Lineage { get; init; }

    /// <summary>Lower-case hex SHA-256 of each binary entry, by entry name.</summary>
    public required IReadOnlyDictionary<string, string> EntrySha256 { get; init; }
}
