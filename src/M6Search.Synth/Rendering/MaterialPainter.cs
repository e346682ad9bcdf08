using SkiaSharp;

namespace M6Search.Synth.Rendering;

/// <summary>
/// Makes a material look like itself. <see cref="PaintUnderlay"/> runs before the texture (wood grain, knit stitches,
/// leather grain, canvas weave); <see cref="PaintFinish"/> runs after it (glaze highlight on ceramic, streaks and
/// dark edges on translucent glass, banded sheen on metal, stitching on leather). Both return the material key.
/// </summary>
public static class MaterialPainter
{
    /// <summary>Opacity of the body: glass lets the background through.</summary>
    public static float Opacity(string material) => material == "glass" ? 0.58f : 1f;

    public static string PaintUnderlay(SurfaceContext ctx, string material)
    {
        switch (material)
        {
            case "wood":
                PaintWoodGrain(ctx);
                break;
            case "knit":
                PaintKnitStitches(ctx);
                break;
            case "leather":
                PaintLeatherGrain(ctx);
                break;
            case "canvas":
                PaintWeave(ctx, 1.8f, 32);
                break;
            case "cotton":
                PaintWeave(ctx, 1.3f, 16);
                PaintFolds(ctx);
                break;
            case "ceramic":
            case "glass":
            case "metal":
            case "plastic":
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(material), material, "No painter for this material.");
        }

        return material;
    }

    public static string PaintFinish(SurfaceContext ctx, string material)
    {
        switch (material)
        {
            case "ceramic":
                PaintGlaze(ctx);
                return "ceramic";
            case "glass":
                PaintGlass(ctx);
                return "glass";
            case "metal":
                PaintMetalSheen(ctx);
                return "metal";
            case "plastic":
                PaintSoftHighlight(ctx, 80, 3f);
                return "plastic";
            case "leather":
                PaintStitching(ctx);
                PaintSoftHighlight(ctx, 35, 4f);
                return "leather";
            case "wood":
                PaintSoftHighlight(ctx, 30, 4f);
                return "wood";
            case "knit":
            case "cotton":
            case "canvas":
                // Fabrics are matte: no highlight at all.
                return material;
            default:
                throw new ArgumentOutOfRangeException(nameof(material), material, "No painter for this material.");
        }
    }

    // Wavy dark grain lines 2-3 px apart and a knot.
    private static void PaintWoodGrain(SurfaceContext ctx)
    {
        float u = ctx.Unit;
        SKRect b = ctx.Bounds;
        using var dark = new SKPath();
        using var faint = new SKPath();
        bool alternate = false;
        for (float y = b.Top; y < b.Bottom + u; y += ctx.Random.Range(1.8f, 2.8f) * u)
        {
            SKPath target = alternate ? faint : dark;
            alternate = !alternate;
            target.MoveTo(b.Left - u, y);
            target.CubicTo(
                b.Left + b.Width / 3, y + ctx.Random.Range(-1.4f, 1.4f) * u,
                b.Left + 2 * b.Width / 3, y + ctx.Random.Range(-1.4f, 1.4f) * u,
                b.Right + u, y + ctx.Random.Range(-0.8f, 0.8f) * u);
        }

        using (var paint = ctx.Stroke(ctx.Ink(95), 0.6f * u))
        {
            ctx.Canvas.DrawPath(dark, paint);
        }

        using (var paint = ctx.Stroke(ctx.Ink(45), 0.5f * u))
        {
            ctx.Canvas.DrawPath(faint, paint);
        }

        using (var knot = ctx.Stroke(ctx.Ink(110), 0.6f * u))
        {
            float cx = ctx.Random.Range(b.Left + b.Width * 0.2f, b.Right - b.Width * 0.2f);
            float cy = ctx.Random.Range(b.Top + b.Height * 0.2f, b.Bottom - b.Height * 0.2f);
            ctx.Canvas.DrawOval(cx, cy, 2.6f * u, 1.3f * u, knot);
            ctx.Canvas.DrawOval(cx, cy, 1.2f * u, 0.6f * u, knot);
        }
    }

    // Rows of V-shaped stitches, 3.4 px wide, with a dark groove and a light ridge.
    private static void PaintKnitStitches(SurfaceContext ctx)
    {
        float u = ctx.Unit;
        float w = 3.4f * u, h = 3.2f * u;
        using var stitch = new SKPath();
        stitch.MoveTo(w / 2 - 1.3f * u, h / 2 - 1.2f * u);
        stitch.LineTo(w / 2, h / 2 + 1.0f * u);
        stitch.LineTo(w / 2 + 1.3f * u, h / 2 - 1.2f * u);
        using var groove = ctx.Stroke(ctx.Ink(54), 1.0f * u);
        using var ridge = ctx.Stroke(new SKColor(255, 255, 255, (byte)(ColorMath.Luma(ctx.BaseColor) < 70 ? 24 : 50)), 0.6f * u);
        ctx.FillTiled(w, h, canvas =>
        {
            canvas.DrawPath(stitch, groove);
            canvas.Translate(0, -0.35f * u);
            canvas.DrawPath(stitch, ridge);
        });
    }

    // Small dark and light specks: the pebbled grain of leather, on a 16 px tile.
    private static void PaintLeatherGrain(SurfaceContext ctx)
    {
        float u = ctx.Unit;
        float tile = 16f * u;
        using var darkSpecks = new SKPath();
        using var lightSpecks = new SKPath();
        for (int i = 0; i < 90; i++)
        {
            float x = ctx.Random.Range(0f, tile), y = ctx.Random.Range(0f, tile);
            (i % 2 == 0 ? darkSpecks : lightSpecks).AddCircle(x, y, ctx.Random.Range(0.35f, 0.65f) * u);
        }

        using var dark = ctx.Fill(new SKColor(0, 0, 0, 55));
        using var light = ctx.Fill(new SKColor(255, 255, 255, 35));
        ctx.FillTiled(tile, tile, canvas =>
        {
            canvas.DrawPath(darkSpecks, dark);
            canvas.DrawPath(lightSpecks, light);
        });
    }

    // A grid of thin threads both ways.
    private static void PaintWeave(SurfaceContext ctx, float periodPixels, byte alpha)
    {
        float period = periodPixels * ctx.Unit;
        SKRect b = ctx.Bounds;
        SKColor thread = ctx.Ink(alpha);
        using (var down = ctx.Bands(new SKPoint(b.Left, 0), new SKPoint(b.Left + period, 0), (0f, 0.4f, thread)))
        {
            ctx.FillBounds(down);
        }

        using (var across = ctx.Bands(new SKPoint(0, b.Top), new SKPoint(0, b.Top + period), (0f, 0.4f, thread)))
        {
            ctx.FillBounds(across);
        }
    }

    // Soft vertical folds of a garment.
    private static void PaintFolds(SurfaceContext ctx)
    {
        float u = ctx.Unit;
        SKRect b = ctx.Bounds;
        using var paint = ctx.Stroke(ctx.Ink(40), 2.5f * u);
        using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 1.5f * u);
        paint.MaskFilter = blur;
        for (int i = 0; i < 3; i++)
        {
            float x = ctx.Random.Range(b.Left + b.Width * 0.15f, b.Right - b.Width * 0.15f);
            using var fold = new SKPath();
            fold.MoveTo(x, b.Top + b.Height * ctx.Random.Range(0.2f, 0.5f));
            fold.QuadTo(x + ctx.Random.Range(-3f, 3f) * u, b.MidY, x + ctx.Random.Range(-4f, 4f) * u, b.Bottom);
            ctx.Canvas.DrawPath(fold, paint);
        }
    }

    // Glossy glaze: a bright blurred reflection and a sharp highlight at the upper left.
    private static void PaintGlaze(SurfaceContext ctx)
    {
        float u = ctx.Unit;
        SKRect b = ctx.Bounds;
        using (var glow = ctx.Fill(new SKColor(255, 255, 255, 150)))
        using (var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 1.2f * u))
        {
            glow.MaskFilter = blur;
            ctx.Canvas.DrawOval(b.Left + b.Width * 0.27f, b.Top + b.Height * 0.34f, Math.Max(1.2f * u, b.Width * 0.05f), b.Height * 0.18f, glow);
        }

        using (var spot = ctx.Fill(new SKColor(255, 255, 255, 220)))
        {
            ctx.Canvas.DrawCircle(b.Left + b.Width * 0.3f, b.Top + b.Height * 0.2f, 0.9f * u, spot);
        }
    }

    // Glass: two vertical white streaks and a dark edge with a bright inner line.
    private static void PaintGlass(SurfaceContext ctx)
    {
        float u = ctx.Unit;
        SKRect b = ctx.Bounds;
        using (var streak = new SKPaint { IsAntialias = true, Color = new SKColor(255, 255, 255, 200) })
        {
            float x1 = b.Left + b.Width * 0.2f;
            ctx.Canvas.DrawRoundRect(new SKRect(x1, b.Top + b.Height * 0.12f, x1 + 1.7f * u, b.Top + b.Height * 0.75f), u, u, streak);
            streak.Color = new SKColor(255, 255, 255, 140);
            float x2 = b.Left + b.Width * 0.76f;
            ctx.Canvas.DrawRoundRect(new SKRect(x2, b.Top + b.Height * 0.25f, x2 + 0.9f * u, b.Top + b.Height * 0.6f), u, u, streak);
        }

        using (var edge = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3f * u, Color = ColorMath.WithAlpha(ColorMath.Shade(ctx.BaseColor, 0.45f), 200) })
        {
            ctx.Canvas.DrawPath(ctx.Body, edge);
        }

        using (var inner = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 4.4f * u, Color = new SKColor(255, 255, 255, 90) })
        {
            // Only the inner half of the stroke survives the clip: a bright line just inside the dark edge.
            using var ring = PathKit.Stroke(ctx.Body, 3f * u);
            ctx.Canvas.Save();
            ctx.Canvas.ClipPath(ring, SKClipOperation.Difference, true);
            ctx.Canvas.DrawPath(ctx.Body, inner);
            ctx.Canvas.Restore();
        }
    }

    // Metal: alternating bright and dark vertical bands of reflected surroundings and fine brushed lines.
    private static void PaintMetalSheen(SurfaceContext ctx)
    {
        SKRect b = ctx.Bounds;
        using (var sheen = SKShader.CreateLinearGradient(
            new SKPoint(b.Left, 0),
            new SKPoint(b.Right, 0),
            [new SKColor(0, 0, 0, 110), new SKColor(255, 255, 255, 170), new SKColor(0, 0, 0, 40), new SKColor(255, 255, 255, 90), new SKColor(0, 0, 0, 130)],
            [0f, 0.28f, 0.5f, 0.7f, 1f],
            SKShaderTileMode.Clamp))
        {
            ctx.FillBounds(sheen);
        }

        using (var brushed = ctx.Bands(new SKPoint(0, b.Top), new SKPoint(0, b.Top + 1.2f * ctx.Unit), (0f, 0.5f, new SKColor(255, 255, 255, 28))))
        {
            ctx.FillBounds(brushed);
        }

        using var streak = new SKPaint { IsAntialias = true, Color = new SKColor(255, 255, 255, 200) };
        float x = b.Left + b.Width * 0.28f;
        ctx.Canvas.DrawRect(new SKRect(x - 0.6f * ctx.Unit, b.Top, x + 0.6f * ctx.Unit, b.Bottom), streak);
    }

    // A soft broad reflection (plastic, waxed leather, varnished wood).
    private static void PaintSoftHighlight(SurfaceContext ctx, byte alpha, float blurPixels)
    {
        SKRect b = ctx.Bounds;
        using var glow = ctx.Fill(new SKColor(255, 255, 255, alpha));
        using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, blurPixels * ctx.Unit);
        glow.MaskFilter = blur;
        ctx.Canvas.DrawOval(b.Left + b.Width * 0.32f, b.Top + b.Height * 0.3f, b.Width * 0.16f, b.Height * 0.22f, glow);
    }

    // Leather stitching: a dashed seam 2 px inside the edge.
    private static void PaintStitching(SurfaceContext ctx)
    {
        float u = ctx.Unit;
        SKColor thread = ColorMath.Luma(ctx.BaseColor) > 150 ? new SKColor(70, 45, 25, 220) : new SKColor(245, 235, 210, 220);
        using var dashes = SKPathEffect.CreateDash([1.6f * u, 1.4f * u], 0);
        using (var seam = ctx.Stroke(thread, 5f * u))
        {
            seam.PathEffect = dashes;
            seam.StrokeCap = SKStrokeCap.Butt;
            ctx.Canvas.DrawPath(ctx.Body, seam);
        }

        // Cover the outer part of the dashes so that the seam sits inside the edge.
        using var border = ctx.Stroke(ctx.BaseColor, 3f * u);
        ctx.Canvas.DrawPath(ctx.Body, border);
    }
}
