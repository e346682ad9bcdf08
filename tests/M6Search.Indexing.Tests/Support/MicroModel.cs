using M6Search.Encoder.Model;
using M6Search.Encoder.Serialization;

namespace M6Search.Indexing.Tests.Support;

/// <summary>
/// A tiny randomly initialised encoder saved as a model file, fast enough for tests. Its experts never drop tokens
/// (a large evaluation capacity), so an embedding does not depend on what else is in the batch.
/// </summary>
public static class MicroModel
{
    public static EncoderConfig Config { get; } = new()
    {
        Name = "micro",
        ImageSize = 16,
        PatchSize = 4,
        ModelDim = 32,
        Layers = 2,
        Heads = 2,
        FeedForwardDim = 64,
        Experts = 4,
        MaxTextTokens = 16,
        VocabSize = 1024,
        EmbeddingDim = 24,
        EvalCapacityFactor = 100,
    };

    /// <summary>Writes the model to <paramref name="path"/> and returns its model version.</summary>
    public static string Save(string path)
    {
        using var model = new MultimodalEncoder(Config, seed: 11);
        return ModelFile.Save(path, model).ModelVersion;
    }
}
