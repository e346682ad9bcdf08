using System.Text.Json.Serialization;

namespace M6Search.Encoder.Model;

/// <summary>
/// Shape and regularisation of the multimodal encoder: one shared pre-LayerNorm transformer over image patches and text
/// tokens in which every <see cref="MoeEvery"/>-th feed-forward is a sparse Mixture-of-Experts layer. Written into every
/// model file, so a file always says what it holds.
/// </summary>
public sealed record EncoderConfig
{
    /// <summary>Short name (<c>tiny</c>, <c>small</c>, <c>base</c>, or a custom one).</summary>
    public required string Name { get; init; }

    /// <summary>Side in pixels of the square input images.</summary>
    public int ImageSize { get; init; } = 64;

    /// <summary>Side in pixels of one image patch (one token); must divide <see cref="ImageSize"/>.</summary>
    public int PatchSize { get; init; } = 8;

    /// <summary>How pixels become patch tokens: a linear patch projection (ViT) or a convolutional stem.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<PatchStem>))]
    public PatchStem PatchStem { get; init; } = PatchStem.Linear;

    /// <summary>Width of the residual stream.</summary>
    public int ModelDim { get; init; } = 128;

    /// <summary>Number of transformer layers.</summary>
    public int Layers { get; init; } = 4;

    /// <summary>Attention heads; must divide <see cref="ModelDim"/>.</summary>
    public int Heads { get; init; } = 4;

    /// <summary>Hidden width of one expert and of the dense feed-forward layers.</summary>
    public int FeedForwardDim { get; init; } = 512;

    /// <summary>Experts in each MoE layer.</summary>
    public int Experts { get; init; } = 8;

    /// <summary>Every n-th layer's feed-forward is a MoE layer (layers n-1, 2n-1, ... counting from 0).</summary>
    public int MoeEvery { get; init; } = 2;

    /// <summary>
    /// M6-T expert prototyping: experts are split into this many groups, each token goes to its top-1 expert in every
    /// group and the outputs are summed. 1 is plain Switch top-1 routing.
    /// </summary>
    public int ExpertGroups { get; init; } = 1;

    /// <summary>Capacity factor while training (Switch Transformer: 1.25).</summary>
    public double TrainCapacityFactor { get; init; } = 1.25;

    /// <summary>Capacity factor in evaluation and inference (Switch Transformer: 2.0).</summary>
    public double EvalCapacityFactor { get; init; } = 2.0;

    /// <summary>
    /// Floor on the expert capacity, so that a short query embedded alone is not cut down to one slot per expert
    /// (the same floor DeepSpeed-MoE calls min_capacity). 0 disables it.
    /// </summary>
    public int MinExpertCapacity { get; init; } = 4;

    /// <summary>Dropout on the embeddings and on every residual branch.</summary>
    public double Dropout { get; init; } = 0.1;

    /// <summary>Dropout inside the experts' hidden layer (Switch Transformer "expert dropout").</summary>
    public double ExpertDropout { get; init; } = 0.2;

    /// <summary>Longest token sequence a text may have (the tokenizer truncates to it).</summary>
    public int MaxTextTokens { get; init; } = 64;

    /// <summary>Token vocabulary size (hashed buckets plus the reserved ids).</summary>
    public int VocabSize { get; init; } = 32768;

    /// <summary>Length of the L2-normalised output embedding.</summary>
    public int EmbeddingDim { get; init; } = 256;

    /// <summary>Ablation: every MoE layer becomes a dense feed-forward with the same active FLOPs.</summary>
    public bool Dense { get; init; }

    /// <summary>Weight alpha of the Switch load-balancing loss.</summary>
    public double LoadBalanceWeight { get; init; } = 0.01;

    /// <summary>Weight of the ST-MoE router z-loss.</summary>
    public double RouterZLossWeight { get; init; } = 0.001;

    /// <summary>Switch initialisation scale s: weights ~ truncated normal with std sqrt(s / fan_in).</summary>
    public double InitScale { get; init; } = 0.1;

    /// <summary>
    /// The pretrained image backbone whose feature map (plus own colour tokens) the encoder reads instead of its own
    /// patch tokens; null: patch tokens from <see cref="PatchStem"/> (every model file written before issue 15).
    /// </summary>
    public ImageBackboneConfig? Backbone { get; init; }

    /// <summary>Own patch tokens per image (when there is no <see cref="Backbone"/>).</summary>
    [JsonIgnore]
    public int PatchCount => (ImageSize / PatchSize) * (ImageSize / PatchSize);

    /// <summary>Image tokens per image: backbone feature-map cells and colour tokens, or own patches.</summary>
    [JsonIgnore]
    public int ImageTokenCount => Backbone?.TokenCount(ImageSize) ?? PatchCount;

    /// <summary>Experts in one prototyping group.</summary>
    [JsonIgnore]
    public int ExpertsPerGroup => Experts / ExpertGroups;

    /// <summary>The small CPU configuration for tests and quick experiments (trains in minutes on a laptop CPU).</summary>
    public static EncoderConfig Tiny { get; } = new()
    {
        Name = "tiny",
        ImageSize = 64,
        PatchSize = 8,
        ModelDim = 128,
        Layers = 4,
        Heads = 4,
        FeedForwardDim = 256,
        Experts = 8,
        MaxTextTokens = 48,
    };

    /// <summary>The default serving configuration: one short query in about 15 ms on one busy CPU core (docs/encoder.md).</summary>
    public static EncoderConfig Small { get; } = new()
    {
        Name = "small",
        ImageSize = 64,
        PatchSize = 8,
        ModelDim = 192,
        Layers = 6,
        Heads = 4,
        FeedForwardDim = 768,
        Experts = 8,
        MaxTextTokens = 64,
        EmbeddingDim = 256,
    };

    /// <summary>The GPU configuration.</summary>
    public static EncoderConfig Base { get; } = new()
    {
        Name = "base",
        ImageSize = 128,
        PatchSize = 16,
        ModelDim = 512,
        Layers = 8,
        Heads = 8,
        FeedForwardDim = 2048,
        Experts = 16,
        MaxTextTokens = 64,
        EmbeddingDim = 256,
    };

    /// <summary>Names accepted by <see cref="Named"/>.</summary>
    public static IReadOnlyList<string> PresetNames { get; } = ["tiny", "small", "base"];

    /// <summary>A preset by name, case-insensitively; a <c>-dense</c> suffix gives its dense ablation.</summary>
    /// <exception cref="ArgumentException">The name is not a preset.</exception>
    public static EncoderConfig Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim().ToLowerInvariant();
        bool dense = key.EndsWith("-dense", StringComparison.Ordinal);
        if (dense)
        {
            key = key[..^"-dense".Length];
        }

        EncoderConfig preset = key switch
        {
            "tiny" => Tiny,
            "small" => Small,
            "base" => Base,
            _ => throw new ArgumentException(
                $"Unknown encoder config '{name}': expected one of {string.Join(", ", PresetNames)} (optionally with -dense).",
                nameof(name)),
        };
        return dense ? preset.AsDense() : preset;
    }

    /// <summary>The dense ablation of this configuration: same shape, MoE layers replaced by dense feed-forwards.</summary>
    public EncoderConfig AsDense() => Dense ? this : this with { Name = Name + "-dense", Dense = true };

    /// <summary>
    /// This configuration reading images through <paramref name="backbone"/> at <paramref name="imageSize"/> pixels; the
    /// name says which (<c>tiny-resnet18-s3-c4x2-160px</c>).
    /// </summary>
    public EncoderConfig WithBackbone(ImageBackboneConfig backbone, int imageSize)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        return this with { Backbone = backbone, ImageSize = imageSize, Name = $"{Name}-{backbone.ShortName()}-{imageSize}px" };
    }

    /// <summary>True when layer <paramref name="layer"/> (0-based) is a sparse MoE layer in this configuration.</summary>
    public bool IsMoeLayer(int layer) => !Dense && IsExpertSlot(layer);

    /// <summary>
    /// Hidden width of layer <paramref name="layer"/>'s feed-forward. In the dense ablation, a layer that would be MoE
    /// gets <see cref="ExpertGroups"/> x <see cref="FeedForwardDim"/>: the FLOPs a token spends there with top-1 routing
    /// in every group.
    /// </summary>
    public int FeedForwardDimAt(int layer) => Dense && IsExpertSlot(layer) ? ExpertGroups * FeedForwardDim : FeedForwardDim;

    /// <summary>Checks every field and the relations between them.</summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names it.</exception>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Name), nameof(Name), "must not be empty");
        Require(ImageSize > 0, nameof(ImageSize), "must be positive");
        Require(Enum.IsDefined(PatchStem), nameof(PatchStem), "must be Linear or Conv");
        if (Backbone is null)
        {
            // Patch settings shape the own patch tokens only; with a backbone they are unused.
            Require(PatchSize > 0 && ImageSize % PatchSize == 0, nameof(PatchSize), $"must divide ImageSize ({ImageSize})");
            Require(PatchStem != PatchStem.Conv || ConvStem.Supports(PatchSize), nameof(PatchStem),
                $"Conv needs a PatchSize that is a power of two of at least 2 (got {PatchSize})");
        }
        Require(ModelDim > 0, nameof(ModelDim), "must be positive");
        Require(Layers > 0, nameof(Layers), "must be positive");
        Require(Heads > 0 && ModelDim % Heads == 0, nameof(Heads), $"must divide ModelDim ({ModelDim})");
        Require(FeedForwardDim > 0, nameof(FeedForwardDim), "must be positive");
        Require(Experts > 0, nameof(Experts), "must be positive");
        Require(MoeEvery > 0, nameof(MoeEvery), "must be positive");
        Require(ExpertGroups > 0 && Experts % ExpertGroups == 0, nameof(ExpertGroups), $"must divide Experts ({Experts})");
        Require(TrainCapacityFactor > 0, nameof(TrainCapacityFactor), "must be positive");
        Require(EvalCapacityFactor > 0, nameof(EvalCapacityFactor), "must be positive");
        Require(MinExpertCapacity >= 0, nameof(MinExpertCapacity), "must not be negative");
        Require(Dropout is >= 0 and < 1, nameof(Dropout), "must be in [0, 1)");
        Require(ExpertDropout is >= 0 and < 1, nameof(ExpertDropout), "must be in [0, 1)");
        Require(MaxTextTokens > 0, nameof(MaxTextTokens), "must be positive");
        Require(VocabSize > Tokenization.SpecialTokens.ReservedCount, nameof(VocabSize),
            $"must exceed the {Tokenization.SpecialTokens.ReservedCount} reserved ids");
        Require(EmbeddingDim > 0, nameof(EmbeddingDim), "must be positive");
        Require(LoadBalanceWeight >= 0, nameof(LoadBalanceWeight), "must not be negative");
        Require(RouterZLossWeight >= 0, nameof(RouterZLossWeight), "must not be negative");
        Require(InitScale > 0, nameof(InitScale), "must be positive");
        if (Backbone?.Problem(ImageSize) is { } problem)
        {
            throw new ArgumentException($"Encoder config '{Name}': {problem}.", nameof(Backbone));
        }
    }

    private bool IsExpertSlot(int layer) => (layer + 1) % MoeEvery == 0;

    private void Require(bool condition, string field, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"Encoder config '{Name}': {field} {rule}.", field);
        }
    }
}
