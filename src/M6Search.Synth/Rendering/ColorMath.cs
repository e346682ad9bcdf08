using SkiaSharp;

namespace M6Search.Synth.Rendering;

/// <summary>Colour arithmetic used by the painters.</summary>
public static class ColorMath
{
    /// <summary>Perceived brightness 0..255 (Rec. 601 luma).</summary>
    public static float Luma(SKColor c) => 0.299f * c.Red + 0.587f * c.Green + 0.114f * c.Blue;

    /// <summary>Multiplies the channels (a darker shade for factors below 1).</summary>
    public static SKColor Shade(SKColor c, float factor) =>
        new(Clamp(c.Red * factor), Clamp(c.Green * factor), Clamp(c.Blue * factor), c.Alpha);

    /// <summary>Linear mix: t = 0 gives <paramref name="a"/>, t = 1 gives <paramref name="b"/>.</summary>
    public static SKColor Mix(SKColor a, SKColor b, float t) =>
        new(Clamp(a.Red + (b.Red - a.Red) * t), Clamp(a.Green + (b.Green - a.Green) * t), Clamp(a.Blue + (b.Blue - a.Blue) * t), Clamp(a.Alpha + (b.Alpha - a.Alpha) * t));

    /// <summary>A lighter (factor above 1, towards white) or darker (below 1) version of a colour.</summary>
    public static SKColor Lightness(SKColor c, float factor) =>
        factor >= 1 ? Mix(c, SKColors.White, Math.Min(1, factor - 1)) : Shade(c, factor);

    public static SKColor WithAlpha(SKColor c, float alpha) => c.WithAlpha(Clamp(alpha));

    public static byte Clamp(float v) => (byte)Math.Clamp((int)MathF.Round(v), 0, 255);
}
