using M6Search.Encoder.Model;
using M6Search.Encoder.Tokenization;

namespace M6Search.Encoder.Serialization;

/// <summary>The JSON header of a model file: everything needed to rebuild and trust the encoder, readable without torch.</summary>
public sealed record ModelFileHeader
{
    /// <summary>Always <see cref="ModelFile.FormatName"/>.</summary>
    public required string Format { get; init; }

    /// <summary>Container layout version; this build reads <see cref="ModelFile.FormatVersion"/>.</summary>
    public required int FormatVersion { get; init; }

    /// <summary>Identifies the weights: config name and the start of the weights' SHA-256.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>When the file was written.</summary>
    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>The encoder's shape.</summary>
    public required EncoderConfig Config { get; init; }

    /// <summary>The tokenizer the token embeddings were trained with.</summary>
    public required TokenizerOptions Tokenizer { get; init; }

    /// <summary>How the weights were trained; null for untrained weights.</summary>
    public TrainingProvenance? Provenance { get; init; }

    /// <summary>Lower-case hex SHA-256 of the weights entry.</summary>
    public required string WeightsSha256 { get; init; }

    /// <summary>Length in bytes of the weights entry.</summary>
    public required long WeightsBytes { get; init; }

    /// <summary>
    /// Lower-case hex SHA-256 of the backbone weights entry: only when training changed backbone weights
    /// (<see cref="ImageBackboneConfig.Trained"/>); a locked backbone's weights come from its package, never the file.
    /// </summary>
    public string? BackboneWeightsSha256 { get; init; }

    /// <summary>Length in bytes of the backbone weights entry, with <see cref="BackboneWeightsSha256"/>.</summary>
    public long? BackboneWeightsBytes { get; init; }

    /// <summary>TorchSharp and libtorch versions that wrote the weights.</summary>
    public string? Runtime { get; init; }
}
