using SkiaSharp;

namespace M6Search.Synth.Rendering;

/// <summary>
/// How a product is photographed: everything about the image that is not a product trait (placement, light,
/// background, clutter, noise, JPEG quality). Chosen at random per product; <see cref="Plain"/> is a neutral studio
/// shot for tests.
/// </summary>
public sealed record ScenePlan
{
    /// <summary>Centre of the product as a fraction of the frame.</summary>
    public float CenterX { get; init; } = 0.5f;

    public float CenterY { get; init; } = 0.5f;

    /// <summary>The long side of the product's bounding box as a fraction of the frame side.</summary>
    public float Extent { get; init; } = 0.8f;

    public float RotationDegrees { get; init; }

    /// <summary>Mirrors the product left-right (a shoe pointing left).</summary>
    public bool Mirror { get; init; }

    /// <summary>Lighter (above 1) or darker (below 1) shade of the colour's swatch, small enough to keep its name.</summary>
    public float ColorLightness { get; init; } = 1f;

    public SKColor BackgroundFrom { get; init; } = new(200, 200, 200);

    public SKColor BackgroundTo { get; init; } = new(200, 200, 200);

    public float BackgroundAngleDegrees { get; init; }

    /// <summary>Direction the light comes from, and how strong the light/shade gradient over the product is (0 = none).</summary>
    public float LightAngleDegrees { get; init; }

    public float LightStrength { get; init; }

    /// <summary>Overall exposure multiplier applied to the whole photo.</summary>
    public float Exposure { get; init; } = 1f;

    public bool Shadow { get; init; }

    public IReadOnlyList<ClutterItem> Clutter { get; init; } = Array.Empty<ClutterItem>();

    /// <summary>Amplitude of per-pixel sensor noise in 8-bit levels (0 = none).</summary>
    public float NoiseAmplitude { get; init; }

    public int JpegQuality { get; init; } = 95;

    /// <summary>Seed for the random details inside a pattern (vein paths, flower jitter, grain).</summary>
    public ulong DetailSeed { get; init; } = 1;

    /// <summary>A centred, upright product on a flat grey background: no clutter, light gradient, shadow or noise.</summary>
    public static ScenePlan Plain { get; } = new();
}
