using M6Search.Synth.Planning;
using M6Search.Synth.Randomness;
using M6Search.Synth.Vocabulary;
using SkiaSharp;

namespace M6Search.Synth.Rendering;

/// <summary>
/// Draws one product photo from a <see cref="ProductVisual"/> (what the product is) and a <see cref="ScenePlan"/>
/// (how it is photographed). The visual is the only source of the product's look, and the returned
/// <see cref="RenderTrace"/> reports what each drawing step painted. Thread-safe: every call owns its Skia objects.
/// </summary>
public static class ProductRenderer
{
    public static RenderedProduct Render(ProductVisual visual, ScenePlan scene, int size, bool includeMask = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 16);
        ColorTrait color = SynthVocabulary.Color(visual.Color);

        var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        try
        {
            using var canvas = new SKCanvas(bitmap);
            using ShapeDrawing shape = ShapeLibrary.Build(visual.Shape);
            SKMatrix matrix = Placement(shape.Bounds, scene, size);

            SceneBackdrop.PaintBackground(canvas, scene, size);
            SceneBackdrop.PaintClutter(canvas, scene, size);
            if (scene.Shadow)
            {
                SceneBackdrop.PaintShadow(canvas, matrix.MapRect(shape.Bounds), size);
            }

            SKColor baseColor = ColorMath.Lightness(color.Swatch, scene.ColorLightness);
            var ctx = new SurfaceContext
            {
                Canvas = canvas,
                Body = shape.Body,
                Bounds = shape.Body.TightBounds,
                Unit = size / 64f / MathF.Sqrt(MathF.Abs(matrix.ScaleX * matrix.ScaleY - matrix.SkewX * matrix.SkewY)),
                BaseColor = baseColor,
                PatternColor = ColorMath.Luma(baseColor) > 150 ? new SKColor(36, 40, 70) : new SKColor(248, 245, 236),
                Opacity = MaterialPainter.Opacity(visual.Material),
                Random = new SeededRandom(scene.DetailSeed),
            };

            canvas.Save();
            canvas.SetMatrix(matrix);
            canvas.Save();
            canvas.ClipPath(shape.Body, SKClipOperation.Intersect, true);
            using (var fill = ctx.Fill(baseColor))
            {
                canvas.DrawPaint(fill);
            }

            MaterialPainter.PaintUnderlay(ctx, visual.Material);
            string texture = TexturePainter.Paint(ctx, visual.Texture);
            string material = MaterialPainter.PaintFinish(ctx, visual.Material);
            PaintLight(ctx, scene);
            canvas.Restore();

            PaintOutline(ctx, visual.Material);
            PaintParts(ctx, shape);
            canvas.Restore();

            PhotoFinish.Apply(bitmap, scene.Exposure, scene.NoiseAmplitude, scene.DetailSeed);

            byte[]? mask = includeMask ? RenderMask(shape.Body, matrix, size) : null;
            var trace = new RenderTrace(shape.Category, shape.Shape, color.Key, texture, material);
            return new RenderedProduct(bitmap, trace, mask);
        }
        catch
        {
            bitmap.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Scales the shape so that the long side of its bounds is <see cref="ScenePlan.Extent"/> of the frame, rotates
    /// and mirrors it about its centre and moves the centre to (<see cref="ScenePlan.CenterX"/>, <see cref="ScenePlan.CenterY"/>).
    /// A product whose tilted bounds would leave the frame is shrunk and moved so that it keeps a 2 % margin.
    /// </summary>
    public static SKMatrix Placement(SKRect bounds, ScenePlan scene, int size)
    {
        float scale = scene.Extent * size / Math.Max(bounds.Width, bounds.Height);
        float radians = scene.RotationDegrees * MathF.PI / 180;
        float cos = MathF.Abs(MathF.Cos(radians)), sin = MathF.Abs(MathF.Sin(radians));
        float tiltedWidth = bounds.Width * cos + bounds.Height * sin;
        float tiltedHeight = bounds.Width * sin + bounds.Height * cos;
        float room = size * 0.96f;
        scale = Math.Min(scale, room / Math.Max(tiltedWidth, tiltedHeight));

        float halfWidth = tiltedWidth * scale / 2, halfHeight = tiltedHeight * scale / 2;
        float margin = size * 0.02f;
        float cx = Keep(scene.CenterX * size, margin + halfWidth, size - margin - halfWidth);
        float cy = Keep(scene.CenterY * size, margin + halfHeight, size - margin - halfHeight);

        SKMatrix m = SKMatrix.CreateTranslation(-bounds.MidX, -bounds.MidY);
        m = m.PostConcat(SKMatrix.CreateScale(scene.Mirror ? -scale : scale, scale));
        m = m.PostConcat(SKMatrix.CreateRotationDegrees(scene.RotationDegrees));
        m = m.PostConcat(SKMatrix.CreateTranslation(cx, cy));
        return m;
    }

    /// <summary>
    /// <paramref name="value"/> within [<paramref name="low"/>, <paramref name="high"/>]; when a product fills the room
    /// exactly, float rounding can put low a hair above high (112.00001 against 112 at 224 px), and then the centre is
    /// the only place left.
    /// </summary>
    private static float Keep(float value, float low, float high) => low > high ? (low + high) / 2 : Math.Clamp(value, low, high);

    private static void PaintLight(SurfaceContext ctx, ScenePlan scene)
    {
        if (scene.LightStrength <= 0)
        {
            return;
        }

        SKRect b = ctx.Bounds;
        float a = scene.LightAngleDegrees * MathF.PI / 180;
        float reach = Math.Max(b.Width, b.Height) / 2;
        var dir = new SKPoint(MathF.Cos(a) * reach, MathF.Sin(a) * reach);
        byte lit = ColorMath.Clamp(70 * scene.LightStrength);
        byte shaded = ColorMath.Clamp(120 * scene.LightStrength);
        using var shader = SKShader.CreateLinearGradient(
            new SKPoint(b.MidX - dir.X, b.MidY - dir.Y),
            new SKPoint(b.MidX + dir.X, b.MidY + dir.Y),
            [new SKColor(255, 255, 255, lit), new SKColor(255, 255, 255, 0), new SKColor(0, 0, 0, shaded)],
            [0f, 0.45f, 1f],
            SKShaderTileMode.Clamp);
        ctx.FillBounds(shader);
    }

    private static void PaintOutline(SurfaceContext ctx, string material)
    {
        float width = (material == "glass" ? 1.3f : 0.8f) * ctx.Unit;
        using var paint = new SKPaint
        {
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = width,
            Color = ColorMath.WithAlpha(ColorMath.Shade(ctx.BaseColor, 0.55f), 190),
        };
        ctx.Canvas.DrawPath(ctx.Body, paint);
    }

    private static void PaintParts(SurfaceContext ctx, ShapeDrawing shape)
    {
        float u = ctx.Unit;
        bool darkBase = ColorMath.Luma(ctx.BaseColor) < 60;
        SKColor lineColor = darkBase ? ColorMath.Mix(ctx.BaseColor, SKColors.White, 0.35f) : ColorMath.Shade(ctx.BaseColor, 0.5f);
        foreach (ShapePart part in shape.Parts)
        {
            using var paint = new SKPaint { IsAntialias = true };
            switch (part.Kind)
            {
                case ShapePartKind.Opening:
                    paint.Color = ColorMath.WithAlpha(darkBase ? new SKColor(8, 8, 10) : ColorMath.Shade(ctx.BaseColor, 0.42f), 255 * ctx.Opacity);
                    ctx.Canvas.DrawPath(part.Path, paint);
                    break;
                case ShapePartKind.Trim:
                    paint.Color = part.TrimColor;
                    ctx.Canvas.DrawPath(part.Path, paint);
                    paint.Style = SKPaintStyle.Stroke;
                    paint.StrokeWidth = 0.7f * u;
                    paint.Color = new SKColor(60, 60, 60, 140);
                    ctx.Canvas.DrawPath(part.Path, paint);
                    break;
                case ShapePartKind.Dark:
                    paint.Color = new SKColor(30, 30, 34);
                    ctx.Canvas.DrawPath(part.Path, paint);
                    break;
                case ShapePartKind.Detail:
                    paint.Style = SKPaintStyle.Stroke;
                    paint.StrokeWidth = 0.9f * u;
                    paint.StrokeCap = SKStrokeCap.Round;
                    paint.Color = ColorMath.WithAlpha(lineColor, 210);
                    ctx.Canvas.DrawPath(part.Path, paint);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(shape), part.Kind, "Unknown shape part.");
            }
        }
    }

    private static byte[] RenderMask(SKPath body, SKMatrix matrix, int size)
    {
        var info = new SKImageInfo(size, size, SKColorType.Alpha8, SKAlphaType.Premul);
        using var mask = new SKBitmap(info);
        using (var canvas = new SKCanvas(mask))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.SetMatrix(matrix);
            using var paint = new SKPaint { IsAntialias = true, Color = SKColors.White };
            canvas.DrawPath(body, paint);
        }

        var result = new byte[size * size];
        using SKPixmap pixmap = mask.PeekPixels();
        ReadOnlySpan<byte> span = pixmap.GetPixelSpan<byte>();
        for (int y = 0; y < size; y++)
        {
            span.Slice(y * pixmap.RowBytes, size).CopyTo(result.AsSpan(y * size, size));
        }

        return result;
    }
}
