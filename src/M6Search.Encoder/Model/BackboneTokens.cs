using M6Search.Encoder.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>
/// Image tokens from a pretrained backbone (issue 15): every cell of the feature map, layer-normalised over its
/// channels and projected to the model width, plus the own colour tokens (<see cref="ColorCells"/>) projected the
/// same way. Each kind has its own learned positions and a type embedding, so the transformer tells them apart.
/// </summary>
public sealed class BackboneTokens : nn.Module<Tensor, Tensor?, Tensor>
{
    private const int FeatureType = 0;
    private const int ColorType = 1;

    [ComponentName(Name = "feature_norm")]
    private readonly LayerNorm _featureNorm;

    [ComponentName(Name = "feature_projection")]
    private readonly PrecisionLinear _featureProjection;

    [ComponentName(Name = "feature_positions")]
    private readonly Parameter _featurePositions;

    [ComponentName(Name = "color_projection")]
    private readonly PrecisionLinear? _colorProjection;

    [ComponentName(Name = "color_positions")]
    private readonly Parameter? _colorPositions;

    [ComponentName(Name = "token_types")]
    private readonly Parameter _tokenTypes;

    private readonly ImageBackboneConfig _backbone;
    private readonly int _featureSide;

    /// <summary>Tokens for <paramref name="imageSize"/>-pixel images read through <paramref name="backbone"/>.</summary>
    public BackboneTokens(
        string name, ImageBackboneConfig backbone, int imageSize, int modelDim, double initScale, ComputePrecision precision, Generator? init)
        : base(name)
    {
        _backbone = backbone ?? throw new ArgumentNullException(nameof(backbone));
        _featureSide = backbone.FeatureSide(imageSize);
        int channels = backbone.FeatureChannels;
        _featureNorm = nn.LayerNorm(channels);
        _featureProjection = new PrecisionLinear("feature_projection", channels, modelDim, true, initScale, precision, init);
        _featurePositions = new Parameter(torch.empty(_featureSide * _featureSide, modelDim));
        SwitchInit.Embedding(_featurePositions, init);
        if (backbone.ColorGrid > 0)
        {
            _colorProjection = new PrecisionLinear("color_projection", backbone.ColorTokenValues, modelDim, true, initScale, precision, init);
            _colorPositions = new Parameter(torch.empty(backbone.ColorTokens, modelDim));
            SwitchInit.Embedding(_colorPositions, init);
        }

        _tokenTypes = new Parameter(torch.empty(2, modelDim));
        SwitchInit.Embedding(_tokenTypes, init);
        RegisterComponents();
    }

    /// <summary>
    /// [B, C, h, w] features and [B, 3, g k, g k] colour cells (null only without colour tokens) to
    /// [B, h w + g g, d]: the feature tokens in row-major order, then the colour tokens.
    /// </summary>
    public override Tensor forward(Tensor features, Tensor? colorCells)
    {
        long batch = features.shape[0];
        if (features.dim() != 4 || features.shape[1] != _backbone.FeatureChannels || features.shape[2] != _featureSide || features.shape[3] != _featureSide)
        {
            throw new ArgumentException(
                $"Backbone features must be [batch, {_backbone.FeatureChannels}, {_featureSide}, {_featureSide}] ({_backbone.Stage}), got [{string.Join(", ", features.shape)}].",
                nameof(features));
        }

        Tensor cells = features.to_type(ScalarType.Float32).flatten(2).transpose(1, 2);
        Tensor tokens = _featureProjection.call(_featureNorm.call(cells)).to_type(ScalarType.Float32)
            .Plus(_featurePositions)
            .Plus(_tokenTypes[FeatureType]);
        if (_colorProjection is null)
        {
            return tokens;
        }

        int side = _backbone.ColorSide;
        if (colorCells is null || colorCells.dim() != 4 || colorCells.shape[0] != batch || colorCells.shape[1] != 3 || colorCells.shape[2] != side || colorCells.shape[3] != side)
        {
            throw new ArgumentException(
                $"Colour cells must be [{batch}, 3, {side}, {side}], got {(colorCells is null ? "none" : $"[{string.Join(", ", colorCells.shape)}]")}.",
                nameof(colorCells));
        }

        Tensor color = _colorProjection.call(ColorCells.Tokens(colorCells.to_type(ScalarType.Float32), _backbone)).to_type(ScalarType.Float32)
            .Plus(_colorPositions!)
            .Plus(_tokenTypes[ColorType]);
        return torch.cat([tokens, color], 1);
    }
}
