using M6Search.Encoder.Moe;
using M6Search.Encoder.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>
/// The M6-style multimodal encoder: ONE transformer for images and texts. Images become patch tokens (or, with a
/// <see cref="EncoderConfig.Backbone"/>, the pretrained backbone's feature-map cells and own colour tokens:
/// <see cref="BackboneTokens"/>), texts hashed token embeddings; both get learned position embeddings and a modality embedding, pass the same pre-LayerNorm layers (every
/// <see cref="EncoderConfig.MoeEvery"/>-th feed-forward a sparse MoE layer), are mean-pooled over their real tokens,
/// projected and L2-normalised into one embedding space. Also holds the learnable contrastive temperature.
/// </summary>
public sealed class MultimodalEncoder : nn.Module<EncoderInput, EncoderOutput>
{
    private const int ImageModality = 0;
    private const int TextModality = 1;

    [ComponentName(Name = "patch_embedding")]
    private readonly PatchEmbedding? _patchEmbedding;

    [ComponentName(Name = "token_embedding")]
    private readonly Embedding _tokenEmbedding;

    [ComponentName(Name = "image_positions")]
    private readonly Parameter? _imagePositions;

    [ComponentName(Name = "backbone_tokens")]
    private readonly BackboneTokens? _backboneTokens;

    [ComponentName(Name = "text_positions")]
    private readonly Parameter _textPositions;

    [ComponentName(Name = "modality")]
    private readonly Parameter _modality;

    [ComponentName(Name = "input_dropout")]
    private readonly RandomDropout _inputDropout;

    [ComponentName(Name = "layers")]
    private readonly ModuleList<EncoderLayer> _layers;

    [ComponentName(Name = "final_norm")]
    private readonly LayerNorm _finalNorm;

    [ComponentName(Name = "projection")]
    private readonly PrecisionLinear _projection;

    [ComponentName(Name = "logit_scale")]
    private readonly Parameter _logitScale;

    private readonly ModelRandomness _randomness;

    /// <summary>A freshly initialised encoder; the same <paramref name="seed"/> gives the same weights and dropout stream.</summary>
    /// <exception cref="ArgumentException">The config is invalid.</exception>
    public MultimodalEncoder(EncoderConfig config, ulong seed = 0)
        : base("m6_encoder")
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        Precision = new ComputePrecision();
        _randomness = new ModelRandomness(seed ^ 0x9E3779B97F4A7C15);

        using var init = new Generator(seed, torch.CPU);
        int d = config.ModelDim;
        if (config.Backbone is null)
        {
            _patchEmbedding = new PatchEmbedding("patch_embedding", config.PatchStem, config.PatchSize, d, config.InitScale, Precision, init);
        }

        _tokenEmbedding = nn.Embedding(config.VocabSize, d);
        SwitchInit.Embedding(_tokenEmbedding.weight!, init);
        if (config.Backbone is null)
        {
            _imagePositions = new Parameter(torch.empty(config.PatchCount, d));
            SwitchInit.Embedding(_imagePositions, init);
        }
        else
        {
            _backboneTokens = new BackboneTokens("backbone_tokens", config.Backbone, config.ImageSize, d, config.InitScale, Precision, init);
        }
        _textPositions = new Parameter(torch.empty(config.MaxTextTokens, d));
        SwitchInit.Embedding(_textPositions, init);
        _modality = new Parameter(torch.empty(2, d));
        SwitchInit.Embedding(_modality, init);
        _inputDropout = new RandomDropout("input_dropout", config.Dropout, _randomness);

        var layers = new EncoderLayer[config.Layers];
        for (int i = 0; i < layers.Length; i++)
        {
            layers[i] = new EncoderLayer($"layer{i}", i, config, Precision, _randomness, init);
        }

        _layers = nn.ModuleList(layers);
        _finalNorm = nn.LayerNorm(d);
        _projection = new PrecisionLinear("projection", d, config.EmbeddingDim, false, config.InitScale, Precision, init);
        _logitScale = new Parameter(torch.tensor(Math.Log(1 / InitialTemperature), ScalarType.Float32));
        RegisterComponents();
    }

    /// <summary>CLIP's initial softmax temperature for the contrastive loss.</summary>
    public const double InitialTemperature = 0.07;

    /// <summary>The shape this encoder was built with.</summary>
    public EncoderConfig Config { get; }

    /// <summary>The dtype matrix multiplications run in (float32 unless a trainer on CUDA picks bfloat16).</summary>
    public ComputePrecision Precision { get; }

    /// <summary>The dropout random stream (its state belongs in training checkpoints).</summary>
    public ModelRandomness Randomness => _randomness;

    /// <summary>Recompute each layer's activations in the backward pass instead of keeping them (training only).</summary>
    public bool ActivationCheckpointing { get; set; }

    /// <summary>log(1 / temperature) of the contrastive loss (learned; the trainer clamps it).</summary>
    public Parameter LogitScale => _logitScale;

    /// <summary>The transformer layers in order.</summary>
    public IReadOnlyList<EncoderLayer> Layers => _layers.ToList();

    /// <summary>Device of the parameters.</summary>
    public Device Device => _logitScale.device;

    /// <summary>Embeds [B, 3, S, S] images (an encoder with its own patch tokens).</summary>
    public EncoderOutput EncodeImages(Tensor images) => call(EncoderInput.ForImages(images));

    /// <summary>Embeds images from their backbone feature maps and colour cells (an encoder with a <see cref="EncoderConfig.Backbone"/>).</summary>
    public EncoderOutput EncodeImageFeatures(Tensor features, Tensor? colorCells) => call(EncoderInput.ForImageFeatures(features, colorCells));

    /// <summary>Embeds [B, T] token ids with their [B, T] padding mask (true = real token).</summary>
    public EncoderOutput EncodeTexts(Tensor tokenIds, Tensor tokenMask) => call(EncoderInput.ForTexts(tokenIds, tokenMask));

    /// <inheritdoc />
    public override EncoderOutput forward(EncoderInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        (Tensor hidden, SequenceMask mask) = input.Images is not null ? EmbedImages(input.Images)
            : input.Features is not null ? EmbedImageFeatures(input.Features, input.ColorCells)
            : EmbedTexts(input.TokenIds!, input.TokenMask!);
        hidden = _inputDropout.call(hidden);

        bool recompute = ActivationCheckpointing && training && torch.is_grad_enabled();
        var reports = new List<MoeReport>();
        foreach (EncoderLayer layer in _layers)
        {
            LayerOutput output = recompute ? LayerRecompute.Run(layer, hidden, mask, _randomness) : layer.call(hidden, mask);
            hidden = output.Hidden;
            if (output.Moe is not null)
            {
                reports.Add(output.Moe);
            }
        }

        hidden = _finalNorm.call(hidden);
        Tensor pooled;
        if (mask.Real is null)
        {
            pooled = hidden.mean([1]);
        }
        else
        {
            Tensor weights = mask.Real.to_type(ScalarType.Float32).unsqueeze(-1);
            pooled = hidden.mul(weights).sum(1).div(weights.sum(1).AtLeast(1));
        }

        Tensor embeddings = nn.functional.normalize(_projection.call(pooled).to_type(ScalarType.Float32), 2, -1);
        Tensor loadBalance = Sum(reports.Select(r => r.LoadBalanceLoss));
        Tensor zLoss = Sum(reports.Select(r => r.RouterZLoss));
        return new EncoderOutput(embeddings, loadBalance.Plus(zLoss), loadBalance, zLoss, reports);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _randomness.Dispose();
        }

        base.Dispose(disposing);
    }

    private (Tensor Hidden, SequenceMask Mask) EmbedImages(Tensor images)
    {
        if (_patchEmbedding is null)
        {
            throw new ArgumentException(
                $"Encoder '{Config.Name}' reads images through the backbone {Config.Backbone!.Identity.Name}: give it feature maps " +
                "(EncodeImageFeatures, with ImageTower.Read), not pixels.", nameof(images));
        }

        int size = Config.ImageSize;
        if (images.dim() != 4 || images.shape[1] != 3 || images.shape[2] != size || images.shape[3] != size)
        {
            throw new ArgumentException(
                $"Images must be [batch, 3, {size}, {size}] for encoder '{Config.Name}', got [{string.Join(", ", images.shape)}].",
                nameof(images));
        }

        Tensor hidden = _patchEmbedding.call(images.to_type(ScalarType.Float32))
            .Plus(_imagePositions!)
            .Plus(_modality[ImageModality]);
        return (hidden, SequenceMask.None);
    }

    private (Tensor Hidden, SequenceMask Mask) EmbedImageFeatures(Tensor features, Tensor? colorCells)
    {
        if (_backboneTokens is null)
        {
            throw new ArgumentException(
                $"Encoder '{Config.Name}' reads pixels with its own patch tokens; it has no backbone to take feature maps from.", nameof(features));
        }

        Tensor hidden = _backboneTokens.call(features, colorCells).Plus(_modality[ImageModality]);
        return (hidden, SequenceMask.None);
    }

    private (Tensor Hidden, SequenceMask Mask) EmbedTexts(Tensor tokenIds, Tensor tokenMask)
    {
        if (tokenIds.dim() != 2 || tokenMask.dim() != 2 || tokenIds.shape[0] != tokenMask.shape[0] || tokenIds.shape[1] != tokenMask.shape[1])
        {
            throw new ArgumentException(
                $"Token ids [{string.Join(", ", tokenIds.shape)}] and mask [{string.Join(", ", tokenMask.shape)}] must both be [batch, tokens].",
                nameof(tokenIds));
        }

        long length = tokenIds.shape[1];
        if (length > Config.MaxTextTokens)
        {
            throw new ArgumentException(
                $"Texts have {length} tokens; encoder '{Config.Name}' takes at most {Config.MaxTextTokens}.", nameof(tokenIds));
        }

        Tensor hidden = _tokenEmbedding.call(tokenIds)
            .Plus(_textPositions.narrow(0, 0, length))
            .Plus(_modality[TextModality]);
        return (hidden, SequenceMask.FromPadding(tokenMask));
    }

    private Tensor Sum(IEnumerable<Tensor> terms)
    {
        Tensor total = torch.zeros([], ScalarType.Float32, Device);
        foreach (Tensor term in terms)
        {
            total = total.Plus(term);
        }

        return total;
    }
}
