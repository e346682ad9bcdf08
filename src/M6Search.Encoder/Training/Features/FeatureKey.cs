using System.Security.Cryptography;
using System.Text;
using M6Search.Encoder.Model;

namespace M6Search.Encoder.Training.Features;

/// <summary>
/// What one cached entry holds: the features of the image whose bytes have <paramref name="ImageSha256"/>, read at
/// <paramref name="ImageSize"/> pixels through <paramref name="Backbone"/> (its network and preprocessing files by
/// SHA-256, the stage and the colour cells), in view <paramref name="View"/> (0: the image itself; above: an augmented
/// view, <see cref="ViewAugmentation"/>). Anything that changes the numbers changes the key.
/// </summary>
public sealed record FeatureKey(string ImageSha256, ImageBackboneConfig Backbone, int ImageSize, int View)
{
    /// <summary>Layout of the computation; raise it when the way features are computed changes.</summary>
    public const int Version = 1;

    /// <summary>The key in words (stored in the entry and compared on every read).</summary>
    public string Text =>
        $"m6-features/{Version} image={ImageSha256} backbone={Backbone.Identity.Name}:{Backbone.Identity.NetworkSha256}:{Backbone.Identity.PreprocessSha256} " +
        $"size={ImageSize} stage={(int)Backbone.Stage} color={Backbone.ColorGrid}x{Backbone.ColorCell} view={View}";

    /// <summary>Lower-case hex SHA-256 of <see cref="Text"/>: the entry's file name.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));
}
