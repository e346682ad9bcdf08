using SkiaSharp;

namespace M6Search.Synth.Rendering;

/// <summary>Everything behind the product: the background gradient, clutter and the product's contact shadow.</summary>
public static class SceneBackdrop
{
    public static void PaintBackground(SKCanvas canvas, ScenePlan scene, int size)
    {
        float a = scene.BackgroundAngleDegrees * MathF.PI / 180;
        float half = size / 2f;
        var dir = new SKPoint(MathF.Cos(a) * half, MathF.Sin(a) * half);
        using var shader = SKShader.CreateLinearGradient(
            new SKPoint(half - dir.X, half - dir.Y),
            new SKPoint(half + dir.X, half + dir.Y),
            [scene.BackgroundFrom, scene.BackgroundTo],
            SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader };
        canvas.DrawRect(0, 0, size, size, paint);
    }

    public static void PaintClutter(SKCanvas canvas, ScenePlan scene, int size)
    {
        using var paint = new SKPaint { IsAntialias = true };
        foreach (ClutterItem item in scene.Clutter)
        {
            float r = item.Size * size / 2;
            canvas.Save();
            canvas.Translate(item.X * size, item.Y * size);
            canvas.RotateDegrees(item.RotationDegrees);
            paint.Color = item.Color;
            paint.Style = SKPaintStyle.Fill;
            switch (item.Kind)
            {
                case ClutterKind.Circle:
                    canvas.DrawCircle(0, 0, r, paint);
                    break;
                case ClutterKind.Square:
                    canvas.DrawRect(-r, -r, 2 * r, 2 * r, paint);
                    break;
                case ClutterKind.Triangle:
                    using (var triangle = PathKit.Polygon(0, -r, r, r * 0.8f, -r, r * 0.8f))
                    {
                        canvas.DrawPath(triangle, paint);
                    }

                    break;
                case ClutterKind.Ring:
                    paint.Style = SKPaintStyle.Stroke;
                    paint.StrokeWidth = r * 0.35f;
                    canvas.DrawCircle(0, 0, r * 0.8f, paint);
                    break;
                case ClutterKind.Bar:
                    canvas.DrawRoundRect(-r * 1.4f, -r * 0.25f, r * 2.8f, r * 0.5f, r * 0.2f, r * 0.2f, paint);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(scene), item.Kind, "Unknown clutter kind.");
            }

            canvas.Restore();
        }
    }

    /// <summary>A soft shadow under the product's bounding box (in image pixels).</summary>
    public static void PaintShadow(SKCanvas canvas, SKRect productBox, int size)
    {
        using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, size * 0.025f);
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0, 0, 0, 75), MaskFilter = blur };
        canvas.DrawOval(productBox.MidX, productBox.Bottom - size * 0.01f, productBox.Width * 0.45f, size * 0.045f, paint);
    }
}
