using M6Search.Synth.Randomness;
using M6Search.Synth.Rendering;
using M6Search.Synth.Vocabulary;
using SkiaSharp;

namespace M6Search.Synth.Planning;

/// <summary>
/// Chooses how a product is photographed: placement (centre, 66-92 % of the frame, up to about 15 degrees of tilt,
/// mirrored or not), light, a background that contrasts with the product colour, a few muted clutter objects, noise
/// and JPEG quality 60-95.
/// </summary>
public static class ScenePlanner
{
    private static readonly SKColor[] Backgrounds =
    [
        new(238, 238, 236), new(245, 241, 232), new(226, 234, 243), new(229, 240, 232), new(244, 230, 228),
        new(250, 250, 250), new(232, 226, 216), new(196, 192, 186), new(176, 186, 196), new(205, 198, 180),
        new(58, 62, 70), new(40, 40, 44), new(84, 70, 60),
    ];

    public static ScenePlan Plan(ProductVisual visual, SeededRandom rng)
    {
        SKColor product = SynthVocabulary.Color(visual.Color).Swatch;
        float productLuma = ColorMath.Luma(product);
        SKColor[] candidates = Backgrounds.Where(b => MathF.Abs(ColorMath.Luma(b) - productLuma) >= 55).ToArray();
        SKColor from = rng.Pick(candidates);
        SKColor to = rng.Chance(0.5) ? ColorMath.Lightness(from, rng.Range(0.85f, 1.1f)) : rng.Pick(candidates);

        float extent = rng.Range(0.66f, 0.92f);
        float rotation = Math.Clamp(rng.Gaussian(0, 6), -15f, 15f);
        // Keep the tilted bounding box inside the frame.
        float margin = Math.Max(0, (1 - extent * 1.12f) / 2);

        return new ScenePlan
        {
            Extent = extent,
            RotationDegrees = rotation,
            CenterX = 0.5f + rng.Range(-margin, margin),
            CenterY = 0.5f + rng.Range(-margin, margin),
            Mirror = rng.Chance(0.5),
            ColorLightness = rng.Range(0.9f, 1.08f),
            BackgroundFrom = from,
            BackgroundTo = to,
            BackgroundAngleDegrees = rng.Range(0f, 360f),
            LightAngleDegrees = rng.Range(0f, 360f),
            LightStrength = rng.Range(0.15f, 1f),
            Exposure = rng.Range(0.9f, 1.08f),
            Shadow = rng.Chance(0.7),
            Clutter = PlanClutter(from, rng),
            NoiseAmplitude = rng.Chance(0.2) ? 0 : rng.Range(1f, 7f),
            JpegQuality = rng.Next(60, 96),
            DetailSeed = rng.NextUInt64(),
        };
    }

    private static ClutterItem[] PlanClutter(SKColor background, SeededRandom rng)
    {
        int count = rng.Chance(0.35) ? 0 : rng.Next(1, 5);
        var items = new ClutterItem[count];
        for (int i = 0; i < count; i++)
        {
            // Muted: a random swatch mostly mixed into the background, so clutter never competes with the product colour.
            SKColor tint = rng.Pick(SynthVocabulary.Colors).Swatch;
            SKColor color = ColorMath.WithAlpha(ColorMath.Mix(tint, background, rng.Range(0.55f, 0.8f)), rng.Range(150f, 255f));
            var kind = (ClutterKind)rng.Next(Enum.GetValues<ClutterKind>().Length);
            items[i] = new ClutterItem(kind, rng.Range(0.05f, 0.95f), rng.Range(0.05f, 0.95f), rng.Range(0.06f, 0.14f), rng.Range(0f, 360f), color);
        }

        return items;
    }
}
