using SkiaSharp;

namespace M6Search.Synth.Rendering;

/// <summary>
/// A silhouette in local coordinates (about -1..1, y down): the body that takes the colour, texture and material,
/// and parts drawn over it. Records the category and shape it was built for.
/// </summary>
public sealed class ShapeDrawing : IDisposable
{
    public ShapeDrawing(string category, string shape, SKPath body, IReadOnlyList<ShapePart> parts)
    {
        Category = category;
        Shape = shape;
        Body = body;
        Parts = parts;
    }

    public string Category { get; }

    public string Shape { get; }

    public SKPath Body { get; }

    public IReadOnlyList<ShapePart> Parts { get; }

    /// <summary>The bounds of the body and every filled part (strokes excluded).</summary>
    public SKRect Bounds
    {
        get
        {
            SKRect bounds = Body.TightBounds;
            foreach (ShapePart part in Parts)
            {
                if (part.Kind != ShapePartKind.Detail)
                {
                    bounds.Union(part.Path.TightBounds);
                }
            }

            return bounds;
        }
    }

    public void Dispose()
    {
        Body.Dispose();
        foreach (ShapePart part in Parts)
        {
            part.Path.Dispose();
        }
    }
}
