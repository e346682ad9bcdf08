using M6Search.Synth.Randomness;
using SkiaSharp;

namespace M6Search.Synth.Rendering;

/// <summary>
/// What a texture or material painter draws on: a canvas in the product's local coordinates, clipped to the body.
/// <see cref="Unit"/> is the size of one pixel of a 64x64 image in local units, so patterns are sized to survive the
/// model's 64-pixel input whatever the output size.
/// </summary>
public sealed class SurfaceContext
{
    public required SKCanvas Canvas { get; init; }

    public required SKPath Body { get; init; }

    public required SKRect Bounds { get; init; }

    public required float Unit { get; init; }

    /// <summary>The product colour (the swatch of its colour trait, slightly lighter or darker per scene).</summary>
    public required SKColor BaseColor { get; init; }

    /// <summary>The second colour of patterns (stripes, dots, flowers): cream on dark colours, navy on light ones.</summary>
    public required SKColor PatternColor { get; init; }

    /// <summary>Opacity of the surface: below 1 for translucent glass, so patterns are translucent too.</summary>
    public required float Opacity { get; init; }

    public required SeededRandom Random { get; init; }

    /// <summary>A line colour that shows on the base colour: black ink on most colours, white ink on very dark ones.</summary>
    public SKColor Ink(byte alpha) => ColorMath.Luma(BaseColor) < 70 ? new SKColor(255, 255, 255, (byte)(alpha * 0.6f)) : new SKColor(0, 0, 0, alpha);

    public SKPaint Fill(SKColor color, float alphaScale = 1) => new()
    {
        IsAntialias = true,
        Style = SKPaintStyle.Fill,
        Color = ColorMath.WithAlpha(color, color.Alpha * alphaScale * Opacity),
    };

    public SKPaint Stroke(SKColor color, float width, float alphaScale = 1) => new()
    {
        IsAntialias = true,
        Style = SKPaintStyle.Stroke,
        StrokeWidth = width,
        StrokeCap = SKStrokeCap.Round,
        StrokeJoin = SKStrokeJoin.Round,
        Color = ColorMath.WithAlpha(color, color.Alpha * alphaScale * Opacity),
    };

    /// <summary>Fills the whole bounds (the clip keeps it inside the body) with a shader.</summary>
    public void FillBounds(SKShader shader)
    {
        using var paint = new SKPaint { IsAntialias = true, Shader = shader };
        SKRect r = Bounds;
        r.Inflate(Unit * 2, Unit * 2);
        Canvas.DrawRect(r, paint);
    }

    /// <summary>
    /// Fills the body with a repeating tile drawn once by <paramref name="drawTile"/> (tile coordinates start at 0, 0
    /// and lie on the bounds' top-left corner). Much cheaper than drawing every repeat of a small motif.
    /// </summary>
    public void FillTiled(float width, float height, Action<SKCanvas> drawTile)
    {
        var tile = new SKRect(0, 0, width, height);
        using var recorder = new SKPictureRecorder();
        SKCanvas tileCanvas = recorder.BeginRecording(tile);
        drawTile(tileCanvas);
        using SKPicture picture = recorder.EndRecording();
        using SKShader shader = SKShader.CreatePicture(picture, SKShaderTileMode.Repeat, SKShaderTileMode.Repeat, SKMatrix.CreateTranslation(Bounds.Left, Bounds.Top), tile);
        FillBounds(shader);
    }

    /// <summary>A repeating hard-edged band pattern along a direction: <paramref name="bands"/> are (start, end, colour) in 0..1 of a period.</summary>
    public SKShader Bands(SKPoint from, SKPoint to, params (float Start, float End, SKColor Color)[] bands)
    {
        var colors = new List<SKColor>();
        var positions = new List<float>();
        float cursor = 0;
        foreach (var (start, end, color) in bands)
        {
            if (start > cursor)
            {
                colors.Add(SKColors.Transparent);
                positions.Add(cursor);
                colors.Add(SKColors.Transparent);
                positions.Add(start);
            }

            SKColor c = ColorMath.WithAlpha(color, color.Alpha * Opacity);
            colors.Add(c);
            positions.Add(start);
            colors.Add(c);
            positions.Add(end);
            cursor = end;
        }

        if (cursor < 1)
        {
            colors.Add(SKColors.Transparent);
            positions.Add(cursor);
            colors.Add(SKColors.Transparent);
            positions.Add(1);
        }

        return SKShader.CreateLinearGradient(from, to, colors.ToArray(), positions.ToArray(), SKShaderTileMode.Repeat);
    }
}
