using SkiaSharp;

namespace M6Search.Synth.Rendering;

/// <summary>Small geometry helpers for building silhouettes; every method returns a new path the caller owns.</summary>
public static class PathKit
{
    public static SKPath Rect(float left, float top, float right, float bottom)
    {
        var path = new SKPath();
        path.AddRect(new SKRect(left, top, right, bottom));
        return path;
    }

    public static SKPath RoundRect(float left, float top, float right, float bottom, float radius)
    {
        var path = new SKPath();
        path.AddRoundRect(new SKRect(left, top, right, bottom), radius, radius);
        return path;
    }

    public static SKPath Oval(float cx, float cy, float rx, float ry)
    {
        var path = new SKPath();
        path.AddOval(new SKRect(cx - rx, cy - ry, cx + rx, cy + ry));
        return path;
    }

    public static SKPath Circle(float cx, float cy, float r) => Oval(cx, cy, r, r);

    public static SKPath Polygon(params float[] xy)
    {
        if (xy.Length < 6 || xy.Length % 2 != 0)
        {
            throw new ArgumentException("A polygon needs at least three x,y pairs.", nameof(xy));
        }

        var path = new SKPath();
        path.MoveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.Length; i += 2)
        {
            path.LineTo(xy[i], xy[i + 1]);
        }

        path.Close();
        return path;
    }

    /// <summary>A polygon mirrored about x = 0: <paramref name="rightSide"/> runs top to bottom on the right (x &gt;= 0).</summary>
    public static SKPath MirroredPolygon(params float[] rightSide)
    {
        var xy = new List<float>(rightSide.Length * 2);
        xy.AddRange(rightSide);
        for (int i = rightSide.Length - 2; i >= 0; i -= 2)
        {
            xy.Add(-rightSide[i]);
            xy.Add(rightSide[i + 1]);
        }

        return Polygon(xy.ToArray());
    }

    /// <summary>
    /// A body of revolution seen from the side: a smooth curve through the right-hand profile (top to bottom),
    /// mirrored to the left, like a vase or a bottle.
    /// </summary>
    public static SKPath Lathe(params float[] rightProfile)
    {
        var right = ToPoints(rightProfile);
        var left = right.Select(p => new SKPoint(-p.X, p.Y)).Reverse().ToArray();
        var path = new SKPath();
        path.MoveTo(left[^1]);
        path.LineTo(right[0]);
        AddSmooth(path, right);
        path.LineTo(left[0]);
        AddSmooth(path, left);
        path.Close();
        return path;
    }

    /// <summary>A closed smooth curve through points (Catmull-Rom converted to cubic Béziers).</summary>
    public static SKPath SmoothClosed(params float[] xy)
    {
        var pts = ToPoints(xy);
        var path = new SKPath();
        path.MoveTo(pts[0]);
        int n = pts.Length;
        for (int i = 0; i < n; i++)
        {
            SKPoint p0 = pts[(i - 1 + n) % n], p1 = pts[i], p2 = pts[(i + 1) % n], p3 = pts[(i + 2) % n];
            path.CubicTo(p1 + Scale(p2 - p0, 1f / 6), p2 - Scale(p3 - p1, 1f / 6), p2);
        }

        path.Close();
        return path;
    }

    /// <summary>An open smooth curve through points (Catmull-Rom converted to cubic Béziers).</summary>
    public static SKPath SmoothOpen(params float[] xy)
    {
        var pts = ToPoints(xy);
        var path = new SKPath();
        path.MoveTo(pts[0]);
        AddSmooth(path, pts);
        return path;
    }

    /// <summary>A ring (ellipse minus a smaller ellipse) of the given thickness.</summary>
    public static SKPath Ring(float cx, float cy, float rx, float ry, float thickness)
    {
        using var outer = Oval(cx, cy, rx, ry);
        using var inner = Oval(cx, cy, rx - thickness, ry - thickness);
        return Difference(outer, inner);
    }

    /// <summary>A straight bar of the given width between two points (a leg, a lamp arm).</summary>
    public static SKPath Bar(float x0, float y0, float x1, float y1, float width)
    {
        float dx = x1 - x0, dy = y1 - y0;
        float length = MathF.Sqrt(dx * dx + dy * dy);
        float nx = -dy / length * width / 2, ny = dx / length * width / 2;
        return Polygon(x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny);
    }

    /// <summary>The outline of a stroke of the given width along a path, as a fillable path.</summary>
    public static SKPath Stroke(SKPath centerLine, float width)
    {
        using var paint = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = width, StrokeCap = SKStrokeCap.Round, StrokeJoin = SKStrokeJoin.Round };
        var result = new SKPath();
        paint.GetFillPath(centerLine, result);
        return result;
    }

    /// <summary>An open polyline (for detail strokes).</summary>
    public static SKPath Lines(params float[] xy)
    {
        var path = new SKPath();
        path.MoveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.Length; i += 2)
        {
            path.LineTo(xy[i], xy[i + 1]);
        }

        return path;
    }

    /// <summary>Union of all paths; the inputs are disposed.</summary>
    public static SKPath Union(params SKPath[] paths)
    {
        using var builder = new SKPath.OpBuilder();
        foreach (SKPath path in paths)
        {
            builder.Add(path, SKPathOp.Union);
        }

        var result = new SKPath();
        if (!builder.Resolve(result))
        {
            throw new InvalidOperationException("Path union failed.");
        }

        foreach (SKPath path in paths)
        {
            path.Dispose();
        }

        return result;
    }

    public static SKPath Difference(SKPath a, SKPath b) =>
        a.Op(b, SKPathOp.Difference) ?? throw new InvalidOperationException("Path difference failed.");

    public static SKPath Intersect(SKPath a, SKPath b) =>
        a.Op(b, SKPathOp.Intersect) ?? throw new InvalidOperationException("Path intersection failed.");

    /// <summary>Keeps the part of <paramref name="path"/> inside the rectangle; the input is disposed.</summary>
    public static SKPath Clip(SKPath path, float left, float top, float right, float bottom)
    {
        using (path)
        using (var box = Rect(left, top, right, bottom))
        {
            return Intersect(path, box);
        }
    }

    private static void AddSmooth(SKPath path, SKPoint[] pts)
    {
        for (int i = 0; i < pts.Length - 1; i++)
        {
            SKPoint p0 = pts[Math.Max(0, i - 1)], p1 = pts[i], p2 = pts[i + 1], p3 = pts[Math.Min(pts.Length - 1, i + 2)];
            path.CubicTo(p1 + Scale(p2 - p0, 1f / 6), p2 - Scale(p3 - p1, 1f / 6), p2);
        }
    }

    private static SKPoint Scale(SKPoint p, float s) => new(p.X * s, p.Y * s);

    private static SKPoint[] ToPoints(float[] xy)
    {
        if (xy.Length < 4 || xy.Length % 2 != 0)
        {
            throw new ArgumentException("Expected at least two x,y pairs.", nameof(xy));
        }

        var points = new SKPoint[xy.Length / 2];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = new SKPoint(xy[2 * i], xy[2 * i + 1]);
        }

        return points;
    }
}
