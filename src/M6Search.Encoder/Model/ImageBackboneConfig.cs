using System.Text.Json.Serialization;
using M6Search.Encoder.Backbone.Files;
using M6Search.Encoder.Backbone.Modules;

namespace M6Search.Encoder.Model;

/// <summary>
/// How an encoder reads images through a pretrained backbone (issue 15): the backbone's feature map at
/// <see cref="Stage"/> becomes one token per cell, and <see cref="ColorGrid"/> x <see cref="ColorGrid"/> own colour
/// tokens (each cell of the image averaged down to <see cref="ColorCell"/> x <see cref="ColorCell"/> pixels) keep the
/// colour that ImageNet features hold less well. Part of <see cref="EncoderConfig"/>, so a model file names the exact
/// backbone (package, version, SHA-256 of its files) it needs.
/// </summary>
public sealed record ImageBackboneConfig
{
    /// <summary>The backbone's files, exactly (a different or missing file is refused at load).</summary>
    public required BackboneIdentity Identity { get; init; }

    /// <summary>The feature map that becomes the image tokens: stage 3 (H/16, 256 channels) or stage 4 (H/32, 512).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<BackboneStage>))]
    public BackboneStage Stage { get; init; } = BackboneStage.Stage3;

    /// <summary>Own colour tokens per side (0: none).</summary>
    public int ColorGrid { get; init; } = 4;

    /// <summary>Pixels per side of one colour token: each of the grid's cells averaged down to this square (1: its mean colour).</summary>
    public int ColorCell { get; init; } = 2;

    /// <summary>
    /// Which backbone weights training changed and the model file therefore carries: none (locked, the package's
    /// weights as they are), layer4, or all of them.
    /// </summary>
    [JsonConverter(typeof(JsonStringEnumConverter<BackboneTrainable>))]
    public BackboneTrainable Trained { get; init; } = BackboneTrainable.None;

    /// <summary>Channels of one feature-map cell.</summary>
    [JsonIgnore]
    public int FeatureChannels => ResNetBackbone.Channels(Stage);

    /// <summary>Input pixels per feature-map cell along each side.</summary>
    [JsonIgnore]
    public int Stride => ResNetBackbone.Stride(Stage);

    /// <summary>Own colour tokens per image.</summary>
    [JsonIgnore]
    public int ColorTokens => ColorGrid * ColorGrid;

    /// <summary>Side of the pooled colour image the colour tokens are cut from (grid x cell).</summary>
    [JsonIgnore]
    public int ColorSide => ColorGrid * ColorCell;

    /// <summary>Values in one colour token: 3 x cell x cell.</summary>
    [JsonIgnore]
    public int ColorTokenValues => 3 * ColorCell * ColorCell;

    /// <summary>Feature-map side for square images of <paramref name="imageSize"/> pixels.</summary>
    public int FeatureSide(int imageSize) => imageSize / Stride;

    /// <summary>Image tokens per image: feature-map cells plus colour tokens.</summary>
    public int TokenCount(int imageSize) => (FeatureSide(imageSize) * FeatureSide(imageSize)) + ColorTokens;

    /// <summary>Short form for config names: <c>resnet18-s3-c4x2</c>.</summary>
    public string ShortName() =>
        $"{Identity.Name}-s{(int)Stage}" + (ColorGrid == 0 ? "-nocolor" : $"-c{ColorGrid}x{ColorCell}")
        + (Trained == BackboneTrainable.None ? "" : $"-{BackboneTrainableNames.ToName(Trained)}");

    /// <summary>Checks every field against the image size; returns the first problem, or null.</summary>
    public string? Problem(int imageSize)
    {
        if (Identity is null || string.IsNullOrWhiteSpace(Identity.Name) || string.IsNullOrWhiteSpace(Identity.NetworkSha256))
        {
            return "Backbone.Identity must name the backbone and its SHA-256";
        }

        if (Stage is not (BackboneStage.Stage3 or BackboneStage.Stage4))
        {
            return $"Backbone.Stage must be Stage3 or Stage4, not {Stage}";
        }

        if (imageSize % ResNetBackbone.SideMultiple != 0)
        {
            return $"ImageSize must be a multiple of {ResNetBackbone.SideMultiple} with a backbone (got {imageSize})";
        }

        if (ColorGrid < 0 || ColorCell < 1)
        {
            return $"Backbone.ColorGrid must be at least 0 and ColorCell at least 1 (got {ColorGrid} and {ColorCell})";
        }

        if (ColorGrid > 0 && imageSize % ColorSide != 0)
        {
            return $"Backbone.ColorGrid x ColorCell ({ColorSide}) must divide ImageSize ({imageSize})";
        }

        if (!Enum.IsDefined(Trained))
        {
            return $"Backbone.Trained must be None, LastStage or All, not {Trained}";
        }

        return null;
    }
}
