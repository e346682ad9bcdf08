using SkiaSharp;

namespace M6Search.Synth.Rendering;

/// <summary>
/// Paints a texture or pattern over the product body. Sizes are in 64-pixel units (<see cref="SurfaceContext.Unit"/>):
/// bumps 5 px across, ribs 4 px, stripes 4-5 px, so each stays visible when the image is shrunk to the model's input.
/// Returns the key of the texture it painted.
/// </summary>
public static class TexturePainter
{
    private static readonly SKColor FlowerHeart = new(250, 200, 40);
    private static readonly SKColor FlowerHeartOnYellow = new(230, 110, 20);

    public static string Paint(SurfaceContext ctx, string texture)
    {
        switch (texture)
        {
            case "smooth":
                // Nothing on the surface; the material's finish (gloss, sheen) is all there is.
                return "smooth";
            case "bumpy":
                PaintBumps(ctx);
                return "bumpy";
            case "ribbed":
                PaintRibs(ctx);
                return "ribbed";
            case "striped":
                PaintStripes(ctx);
                return "striped";
            case "polka_dot":
                PaintDots(ctx);
                return "polka_dot";
            case "plaid":
                PaintPlaid(ctx);
                return "plaid";
            case "floral":
                PaintFlowers(ctx);
                return "floral";
            case "marbled":
                PaintMarble(ctx);
                return "marbled";
            default:
                throw new ArgumentOutOfRangeException(nameof(texture), texture, "No painter for this texture.");
        }
    }

    // Hobnail bumps on a hexagonal grid: a shadow to the lower right, the bump, a highlight to the upper left.
    private static void PaintBumps(SurfaceContext ctx)
    {
        float u = ctx.Unit;
        float spacing = 6.5f * u;
        float rowHeight = spacing * 0.866f;
        float radius = 2.3f * u;
        using var shadows = new SKPath();
        using var bumps = new SKPath();
        using var highlights = new SKPath();
        // One tile is one lattice period (two rows); bumps of the neighbouring periods reach into it.
        for (int row = -1; row <= 3; row++)
        {
            float offset = row % 2 == 0 ? 0 : spacing / 2;
            for (int k = -1; k <= 2; k++)
            {
                float x = k * spacing + offset, y = row * rowHeight;
                shadows.AddCircle(x + 0.7f * u, y + 0.8f * u, radius);
                bumps.AddCircle(x, y, radius);
                highlights.AddCircle(x - 0.8f * u, y - 0.8f * u, radius * 0.4f);
            }
        }

        using var shadowPaint = ctx.Fill(new SKColor(0, 0, 0, 120));
        using var bumpPaint = ctx.Fill(ColorMath.Lightness(ctx.BaseColor, ColorMath.Luma(ctx.BaseColor) > 200 ? 0.96f : 1.12f));
        using var highlightPaint = ctx.Fill(new SKColor(255, 255, 255, 150));
        ctx.FillTiled(spacing, 2 * rowHeight, canvas =>
        {
            canvas.DrawPath(shadows, shadowPaint);
            canvas.DrawPath(bumps, bumpPaint);
            canvas.DrawPath(highlights, highlightPaint);
        });
    }

    // Vertical ribs: a light/dark relief gradient every 4 px, in the product's own colour.
    private static void PaintRibs(SurfaceContext ctx)
    {
        float period = 4.2f * ctx.Unit;
        float x = ctx.Bounds.Left;
        using var shader = SKShader.CreateLinearGradient(
            new SKPoint(x, 0),
            new SKPoint(x + period, 0),
            [new SKColor(0, 0, 0, (byte)(72 * ctx.Opacity)), new SKColor(255, 255, 255, (byte)(64 * ctx.Opacity)), new SKColor(0, 0, 0, (byte)(72 * ctx.Opacity))],
            [0f, 0.45f, 1f],
            SKShaderTileMode.Repeat);
        ctx.FillBounds(shader);
    }

    // Horizontal stripes in the pattern colour, 4-5 px wide with a 5-6 px gap.
    private static void PaintStripes(SurfaceContext ctx)
    {
        float period = ctx.Random.Range(9f, 11f) * ctx.Unit;
        float phase = ctx.Random.Range(0f, period);
        float y = ctx.Bounds.Top + phase;
        using var shader = ctx.Bands(new SKPoint(0, y), new SKPoint(0, y + period), (0f, 0.42f, ctx.PatternColor));
        ctx.FillBounds(shader);
    }

    // Round dots in the pattern colour on an offset grid.
    private static void PaintDots(SurfaceContext ctx)
    {
        float u = ctx.Unit;
        float spacing = 8.5f * u;
        float radius = 2.2f * u;
        using var dots = new SKPath();
        int row = 0;
        SKRect b = ctx.Bounds;
        for (float y = b.Top - spacing / 2; y < b.Bottom + spacing; y += spacing * 0.75f, row++)
        {
            float offset = row % 2 == 0 ? 0 : spacing / 2;
            for (float x = b.Left - spacing + offset; x < b.Right + spacing; x += spacing)
            {
                dots.AddCircle(x, y, radius);
            }
        }

        using var paint = ctx.Fill(ctx.PatternColor);
        ctx.Canvas.DrawPath(dots, paint);
    }

    // Tartan: dark bands both ways (darker where they cross) and thin pattern-colour lines between them.
    private static void PaintPlaid(SurfaceContext ctx)
    {
        float u = ctx.Unit;
        float period = 14f * u;
        SKRect b = ctx.Bounds;
        var dark = new SKColor(0, 0, 0, 80);
        SKColor line = ColorMath.WithAlpha(ctx.PatternColor, 200);
        float lineStart = 9.5f / 14f, lineEnd = 10.8f / 14f;
        using (var across = ctx.Bands(new SKPoint(0, b.Top), new SKPoint(0, b.Top + period), (0f, 6f / 14f, dark), (lineStart, lineEnd, line)))
        {
            ctx.FillBounds(across);
        }

        using (var down = ctx.Bands(new SKPoint(b.Left, 0), new SKPoint(b.Left + period, 0), (0f, 6f / 14f, dark), (lineStart, lineEnd, line)))
        {
            ctx.FillBounds(down);
        }
    }

    // Five-petal flowers with a yellow heart on a jittered grid.
    private static void PaintFlowers(SurfaceContext ctx)
    {
        float u = ctx.Unit;
        float spacing = 11f * u;
        using var petals = new SKPath();
        using var hearts = new SKPath();
        SKRect b = ctx.Bounds;
        for (float y = b.Top - spacing / 2; y < b.Bottom + spacing; y += spacing)
        {
            for (float x = b.Left - spacing / 2; x < b.Right + spacing; x += spacing)
            {
                float cx = x + ctx.Random.Range(-2f, 2f) * u;
                float cy = y + ctx.Random.Range(-2f, 2f) * u;
                float turn = ctx.Random.Range(0f, MathF.Tau);
                for (int p = 0; p < 5; p++)
                {
                    float a = turn + p * MathF.Tau / 5;
                    petals.AddCircle(cx + MathF.Cos(a) * 1.8f * u, cy + MathF.Sin(a) * 1.8f * u, 1.5f * u);
                }

                hearts.AddCircle(cx, cy, 1.1f * u);
            }
        }

        using (var paint = ctx.Fill(ctx.PatternColor))
        {
            ctx.Canvas.DrawPath(petals, paint);
        }

        bool yellowBase = ctx.BaseColor.Red > 200 && ctx.BaseColor.Green > 170 && ctx.BaseColor.Blue < 120;
        using (var paint = ctx.Fill(yellowBase ? FlowerHeartOnYellow : FlowerHeart))
        {
            ctx.Canvas.DrawPath(hearts, paint);
        }
    }

    // Marble: soft light clouds and branching veins across the body.
    private static void PaintMarble(SurfaceContext ctx)
    {
        float u = ctx.Unit;
        SKRect b = ctx.Bounds;
        bool light = ColorMath.Luma(ctx.BaseColor) > 170;
        SKColor vein = light ? new SKColor(80, 80, 88, 170) : new SKColor(255, 255, 255, 190);

        using (var clouds = ctx.Fill(light ? new SKColor(120, 120, 130, 40) : new SKColor(255, 255, 255, 45)))
        using (var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 2.5f * u))
        {
            clouds.MaskFilter = blur;
            for (int i = 0; i < 4; i++)
            {
                float cx = ctx.Random.Range(b.Left, b.Right), cy = ctx.Random.Range(b.Top, b.Bottom);
                ctx.Canvas.DrawOval(cx, cy, ctx.Random.Range(4f, 9f) * u, ctx.Random.Range(3f, 6f) * u, clouds);
            }
        }

        // Veins wander across the body through five jittered points; some fork.
        int veins = 6 + ctx.Random.Next(5);
        using var softEdge = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 0.3f * u);
        for (int i = 0; i < veins; i++)
        {
            float y = ctx.Random.Range(b.Top, b.Bottom);
            float slope = ctx.Random.Range(-0.8f, 0.8f);
            var points = new float[10];
            for (int k = 0; k < 5; k++)
            {
                float x = b.Left - 0.1f * b.Width + k * 0.3f * b.Width;
                points[2 * k] = x;
                points[2 * k + 1] = y + slope * (x - b.Left) + ctx.Random.Range(-5f, 5f) * u;
            }

            using var path = PathKit.SmoothOpen(points);
            using var paint = ctx.Stroke(vein, ctx.Random.Range(0.5f, 1.3f) * u);
            paint.MaskFilter = softEdge;
            ctx.Canvas.DrawPath(path, paint);

            if (ctx.Random.Chance(0.6))
            {
                int k = 1 + ctx.Random.Next(3);
                var from = new SKPoint(points[2 * k], points[2 * k + 1]);
                using var branch = new SKPath();
                branch.MoveTo(from);
                branch.QuadTo(from.X + ctx.Random.Range(2f, 8f) * u, from.Y + ctx.Random.Range(-6f, 6f) * u, from.X + ctx.Random.Range(8f, 16f) * u, from.Y + ctx.Random.Range(-12f, 12f) * u);
                paint.StrokeWidth = 0.45f * u;
                ctx.Canvas.DrawPath(branch, paint);
            }
        }
    }
}
