using M6Search.Encoder.Backbone.Files;
using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Model;

namespace M6Search.Encoder.Tests;

/// <summary>Encoder shapes small enough for unit tests to run in milliseconds.</summary>
internal static class TestConfigs
{
    /// <summary>2 layers (the second MoE), 4 experts, 16 x 16 images in 4 x 4 patches.</summary>
    public static EncoderConfig Micro { get; } = new()
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
    };

    /// <summary>
    /// <see cref="Micro"/> reading 32 x 32 images through the package's ResNet18 (a 2 x 2 stage-3 map, or 1 x 1 at stage
    /// 4) with 2 x 2 colour tokens of 2 x 2 pixels.
    /// </summary>
    public static EncoderConfig MicroBackbone(
        BackboneStage stage = BackboneStage.Stage3, BackboneTrainable trained = BackboneTrainable.None, int colorGrid = 2, BackboneIdentity? identity = null) =>
        Micro.WithBackbone(
            new ImageBackboneConfig { Identity = identity ?? BackboneIdentity.ResNet18, Stage = stage, ColorGrid = colorGrid, ColorCell = 2, Trained = trained },
            32);

    /// <summary>A MoE layer's shape: <paramref name="experts"/> experts in <paramref name="groups"/> groups, no capacity floor, no dropout.</summary>
    public static EncoderConfig Moe(int modelDim, int experts, int groups = 1, double capacityFactor = 1.0) => new()
    {
        Name = "moe-test",
        ModelDim = modelDim,
        Heads = 1,
        FeedForwardDim = 16,
        Experts = experts,
        ExpertGroups = groups,
        TrainCapacityFactor = capacityFactor,
        EvalCapacityFactor = capacityFactor,
        MinExpertCapacity = 0,
        Dropout = 0,
        ExpertDropout = 0,
    };
}
