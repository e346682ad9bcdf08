using M6Search.Synth.Randomness;
using SkiaSharp;

namespace M6Search.Synth.Rendering;

/// <summary>The camera's part: exposure and per-pixel sensor noise, applied to the finished picture.</summary>
public static class PhotoFinish
{
    public static void Apply(SKBitmap bitmap, float exposure, float noiseAmplitude, ulong seed)
    {
        if (exposure == 1f && noiseAmplitude <= 0f)
        {
            return;
        }

        using SKPixmap pixmap = bitmap.PeekPixels();
        Span<byte> pixels = pixmap.GetPixelSpan<byte>();
        var rng = new SeededRandom(seed ^ 0x5DEECE66DUL);
        for (int i = 0; i + 3 < pixels.Length; i += 4)
        {
            // One grain value per pixel (luminance noise), as a real sensor's dominant noise.
            float grain = noiseAmplitude > 0 ? (float)(rng.NextDouble() * 2 - 1) * noiseAmplitude : 0f;
            pixels[i] = ColorMath.Clamp(pixels[i] * exposure + grain);
            pixels[i + 1] = ColorMath.Clamp(pixels[i + 1] * exposure + grain);
            pixels[i + 2] = ColorMath.Clamp(pixels[i + 2] * exposure + grain);
        }
    }
}
