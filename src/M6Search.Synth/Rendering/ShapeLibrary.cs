using SkiaSharp;
using static M6Search.Synth.Rendering.PathKit;

namespace M6Search.Synth.Rendering;

/// <summary>
/// The silhouettes of every shape in the vocabulary, drawn with <see cref="SKPath"/> in local coordinates
/// (about -1..1, y down). Each category has at least three shapes with distinct outlines.
/// </summary>
public static class ShapeLibrary
{
    private static readonly SKColor SoleWhite = new(236, 234, 226);
    private static readonly SKColor Brass = new(198, 160, 72);

    /// <summary>Builds the drawing of a shape; the caller disposes it.</summary>
    public static ShapeDrawing Build(string shape) => shape switch
    {
        "mug" => Make("cup", shape, Union(RoundRect(-0.62f, -0.72f, 0.42f, 0.8f, 0.1f), Clip(Ring(0.42f, 0.02f, 0.36f, 0.42f, 0.15f), 0.38f, -1, 1, 1)),
            P(ShapePartKind.Opening, Oval(-0.1f, -0.72f, 0.5f, 0.07f))),
        "tumbler" => Make("cup", shape, Union(MirroredPolygon(0.5f, -0.55f, 0.38f, 0.95f), RoundRect(-0.56f, -0.82f, 0.56f, -0.52f, 0.07f), Rect(0.12f, -1.05f, 0.24f, -0.8f)),
            P(ShapePartKind.Detail, Lines(-0.52f, -0.55f, 0.52f, -0.55f))),
        "teacup" => Make("cup", shape, Union(Lathe(0.8f, -0.45f, 0.72f, -0.05f, 0.4f, 0.3f, 0.25f, 0.38f), Clip(Ring(0.78f, -0.12f, 0.26f, 0.22f, 0.1f), 0.7f, -1, 1.2f, 1), Oval(0, 0.46f, 1, 0.13f)),
            P(ShapePartKind.Opening, Oval(0, -0.45f, 0.74f, 0.09f)),
            P(ShapePartKind.Detail, Lines(-0.62f, 0.42f, 0.62f, 0.42f))),

        "round_vase" => Make("vase", shape, Lathe(0.28f, -0.95f, 0.2f, -0.82f, 0.17f, -0.55f, 0.45f, -0.2f, 0.7f, 0.25f, 0.55f, 0.72f, 0.3f, 0.92f),
            P(ShapePartKind.Opening, Oval(0, -0.95f, 0.22f, 0.04f))),
        "cylinder_vase" => Make("vase", shape, Union(RoundRect(-0.4f, -0.86f, 0.4f, 0.95f, 0.08f), RoundRect(-0.46f, -0.95f, 0.46f, -0.8f, 0.05f)),
            P(ShapePartKind.Opening, Oval(0, -0.93f, 0.38f, 0.05f)),
            P(ShapePartKind.Detail, Lines(-0.4f, -0.8f, 0.4f, -0.8f))),
        "amphora" => Make("vase", shape, Union(Lathe(0.32f, -0.95f, 0.22f, -0.75f, 0.24f, -0.5f, 0.6f, -0.15f, 0.58f, 0.35f, 0.3f, 0.75f, 0.34f, 0.93f),
                Clip(Ring(0.4f, -0.5f, 0.22f, 0.25f, 0.08f), 0.35f, -1, 1, 1), Clip(Ring(-0.4f, -0.5f, 0.22f, 0.25f, 0.08f), -1, -1, -0.35f, 1)),
            P(ShapePartKind.Opening, Oval(0, -0.95f, 0.27f, 0.05f))),

        "deep_bowl" => Make("bowl", shape, Union(Lathe(0.92f, -0.35f, 0.86f, 0.05f, 0.62f, 0.42f, 0.32f, 0.56f, 0.32f, 0.68f), Oval(0, -0.35f, 0.92f, 0.16f)),
            P(ShapePartKind.Opening, Oval(0, -0.36f, 0.84f, 0.12f))),
        "shallow_bowl" => Make("bowl", shape, Union(Lathe(1f, -0.12f, 0.86f, 0.16f, 0.55f, 0.32f, 0.36f, 0.36f, 0.36f, 0.45f), Oval(0, -0.12f, 1f, 0.16f)),
            P(ShapePartKind.Opening, Oval(0, -0.13f, 0.92f, 0.12f))),
        "footed_bowl" => Make("bowl", shape, Union(Lathe(0.85f, -0.5f, 0.76f, -0.12f, 0.45f, 0.14f, 0.12f, 0.24f), Oval(0, -0.5f, 0.85f, 0.15f), Rect(-0.1f, 0.1f, 0.1f, 0.66f), Oval(0, 0.72f, 0.48f, 0.12f)),
            P(ShapePartKind.Opening, Oval(0, -0.51f, 0.77f, 0.11f))),

        "sports_bottle" => Make("bottle", shape, Union(RoundRect(-0.42f, -0.55f, 0.42f, 0.95f, 0.16f), RoundRect(-0.28f, -0.86f, 0.28f, -0.5f, 0.05f), Ring(0, -0.93f, 0.16f, 0.12f, 0.06f)),
            P(ShapePartKind.Detail, Lines(-0.42f, 0.15f, 0.42f, 0.15f)),
            P(ShapePartKind.Detail, Lines(-0.28f, -0.6f, 0.28f, -0.6f))),
        "classic_bottle" => Make("bottle", shape, Lathe(0.12f, -0.98f, 0.11f, -0.55f, 0.18f, -0.35f, 0.33f, -0.12f, 0.34f, 0.5f, 0.34f, 0.88f, 0.3f, 0.96f),
            P(ShapePartKind.Dark, RoundRect(-0.13f, -1.02f, 0.13f, -0.84f, 0.03f)),
            P(ShapePartKind.Detail, Lines(-0.4f, 0.0f, 0.4f, 0.0f))),
        "canteen" => Make("bottle", shape, Union(Oval(0, 0.22f, 0.74f, 0.72f), Rect(-0.14f, -0.74f, 0.14f, -0.4f), RoundRect(-0.21f, -0.92f, 0.21f, -0.7f, 0.04f)),
            P(ShapePartKind.Detail, Oval(0, 0.22f, 0.56f, 0.54f))),

        "crew_tee" => Make("tshirt", shape, TeeBody(longSleeves: false, vNeck: false),
            P(ShapePartKind.Detail, Oval(0, -0.86f, 0.3f, 0.2f))),
        "vneck_tee" => Make("tshirt", shape, FittedVNeckBody(),
            P(ShapePartKind.Detail, Lines(-0.3f, -0.88f, 0, -0.45f, 0.3f, -0.88f))),
        "longsleeve_tee" => Make("tshirt", shape, TeeBody(longSleeves: true, vNeck: false),
            P(ShapePartKind.Detail, Oval(0, -0.86f, 0.3f, 0.2f)),
            P(ShapePartKind.Detail, Lines(-0.96f, 0.42f, -0.74f, 0.48f)),
            P(ShapePartKind.Detail, Lines(0.96f, 0.42f, 0.74f, 0.48f))),
        "tank_top" => Make("tshirt", shape, TankBody(),
            P(ShapePartKind.Detail, Lines(-0.62f, 0.8f, 0.62f, 0.8f))),

        "aline_dress" => Make("dress", shape, MirroredPolygon(0.06f, -0.62f, 0.2f, -0.98f, 0.3f, -0.98f, 0.32f, -0.55f, 0.24f, -0.22f, 0.78f, 0.95f),
            P(ShapePartKind.Detail, Lines(-0.24f, -0.22f, 0.24f, -0.22f))),
        "sheath_dress" => Make("dress", shape, SheathDress(),
            P(ShapePartKind.Detail, Lines(-0.27f, -0.12f, 0.27f, -0.12f))),
        "skater_dress" => Make("dress", shape, SkaterDress(),
            P(ShapePartKind.Detail, Lines(-0.26f, -0.18f, 0.26f, -0.18f))),

        "lowtop_sneaker" => Make("sneaker", shape, SmoothClosed(-0.94f, 0.32f, -0.97f, -0.08f, -0.8f, -0.24f, -0.48f, -0.14f, -0.2f, -0.4f, 0.25f, -0.18f, 0.72f, 0.0f, 0.97f, 0.22f, 0.9f, 0.34f),
            P(ShapePartKind.Trim, RoundRect(-1f, 0.26f, 1f, 0.5f, 0.1f), SoleWhite),
            P(ShapePartKind.Detail, Laces(-0.22f, -0.3f, 0.3f, -0.08f, 4))),
        "hightop_sneaker" => Make("sneaker", shape, SmoothClosed(-0.92f, 0.32f, -0.95f, -0.4f, -0.9f, -0.82f, -0.55f, -0.88f, -0.3f, -0.96f, -0.12f, -0.4f, 0.4f, -0.12f, 0.8f, 0.02f, 0.97f, 0.22f, 0.9f, 0.34f),
            P(ShapePartKind.Trim, RoundRect(-1f, 0.26f, 1f, 0.48f, 0.08f), SoleWhite),
            P(ShapePartKind.Detail, Laces(-0.3f, -0.8f, 0.25f, -0.15f, 6)),
            P(ShapePartKind.Detail, Oval(-0.62f, -0.45f, 0.13f, 0.13f))),
        "runner_sneaker" => Make("sneaker", shape, SmoothClosed(-0.9f, 0.2f, -0.93f, -0.12f, -0.66f, -0.3f, -0.42f, -0.2f, -0.18f, -0.42f, 0.3f, -0.15f, 0.78f, 0.02f, 1f, 0.14f, 0.92f, 0.24f),
            P(ShapePartKind.Trim, SmoothClosed(-1f, 0.16f, 0.95f, 0.2f, 1.02f, 0.32f, 0.7f, 0.42f, 0f, 0.5f, -0.8f, 0.52f, -1f, 0.4f), SoleWhite),
            P(ShapePartKind.Detail, Lines(-0.6f, 0.08f, -0.2f, -0.02f, 0.35f, 0.02f)),
            P(ShapePartKind.Detail, Laces(-0.16f, -0.36f, 0.25f, -0.14f, 3))),

        "tote_bag" => Make("handbag", shape, Union(MirroredPolygon(0.68f, -0.22f, 0.86f, 0.92f), Clip(Ring(-0.28f, -0.2f, 0.22f, 0.62f, 0.07f), -1, -1, 1, -0.18f), Clip(Ring(0.28f, -0.2f, 0.22f, 0.62f, 0.07f), -1, -1, 1, -0.18f)),
            P(ShapePartKind.Detail, Lines(-0.7f, -0.05f, 0.7f, -0.05f))),
        "clutch_bag" => Make("handbag", shape, RoundRect(-0.96f, -0.4f, 0.96f, 0.45f, 0.12f),
            P(ShapePartKind.Detail, Lines(-0.94f, -0.34f, 0f, 0.12f, 0.94f, -0.34f)),
            P(ShapePartKind.Trim, Circle(0, 0.1f, 0.07f), Brass)),
        "crossbody_bag" => Make("handbag", shape, Union(RoundRect(-0.62f, -0.02f, 0.62f, 0.86f, 0.24f), Clip(Ring(0, 0.05f, 0.6f, 1f, 0.06f), -1, -1, 1, 0.05f)),
            P(ShapePartKind.Detail, Lines(-0.6f, 0.1f, -0.35f, 0.42f, 0.35f, 0.42f, 0.6f, 0.1f)),
            P(ShapePartKind.Trim, RoundRect(-0.07f, 0.38f, 0.07f, 0.5f, 0.02f), Brass)),

        "baseball_cap" => Make("hat", shape, Union(Clip(Oval(-0.15f, 0.25f, 0.72f, 0.78f), -1, -1, 1, 0.25f), Polygon(0.4f, 0.1f, 0.78f, 0.12f, 1f, 0.22f, 1f, 0.3f, 0.4f, 0.3f), Oval(-0.15f, -0.53f, 0.09f, 0.05f)),
            P(ShapePartKind.Detail, Lines(-0.15f, -0.5f, -0.15f, 0.24f)),
            P(ShapePartKind.Detail, Lines(-0.87f, 0.22f, 0.52f, 0.22f))),
        "beanie" => Make("hat", shape, Union(Clip(Oval(0, 0.2f, 0.7f, 0.86f), -1, -1, 1, 0.3f), RoundRect(-0.75f, 0.2f, 0.75f, 0.64f, 0.07f), Circle(0, -0.74f, 0.2f)),
            P(ShapePartKind.Detail, Lines(-0.75f, 0.24f, 0.75f, 0.24f))),
        "bucket_hat" => Make("hat", shape, Union(Polygon(-0.46f, -0.55f, 0.46f, -0.55f, 0.58f, 0.12f, -0.58f, 0.12f), Polygon(-0.6f, 0.05f, 0.6f, 0.05f, 0.98f, 0.42f, -0.98f, 0.42f), Oval(0, -0.55f, 0.46f, 0.08f)),
            P(ShapePartKind.Detail, Lines(-0.57f, 0.06f, 0.57f, 0.06f))),
        "wide_brim_hat" => Make("hat", shape, Union(Clip(Oval(0, 0.05f, 0.46f, 0.6f), -1, -1, 1, 0.08f), Oval(0, 0.14f, 1f, 0.2f)),
            P(ShapePartKind.Detail, Lines(-0.44f, -0.06f, 0.44f, -0.06f)),
            P(ShapePartKind.Detail, Lines(-0.45f, 0.03f, 0.45f, 0.03f))),

        "drum_lamp" => Make("lamp", shape, Union(MirroredPolygon(0.52f, -0.95f, 0.62f, -0.2f), Rect(-0.05f, -0.22f, 0.05f, 0.72f), Oval(0, 0.78f, 0.42f, 0.12f), Rect(-0.42f, 0.78f, 0.42f, 0.88f), Oval(0, 0.88f, 0.42f, 0.08f)),
            P(ShapePartKind.Detail, Lines(-0.6f, -0.26f, 0.6f, -0.26f))),
        "globe_lamp" => Make("lamp", shape, Union(Circle(0, -0.22f, 0.68f), Rect(-0.12f, 0.4f, 0.12f, 0.62f), RoundRect(-0.46f, 0.6f, 0.46f, 0.86f, 0.1f)),
            P(ShapePartKind.Detail, Lines(-0.12f, 0.44f, 0.12f, 0.44f))),
        "arm_lamp" => Make("lamp", shape, Union(Oval(-0.5f, 0.82f, 0.42f, 0.12f), Bar(-0.5f, 0.8f, -0.15f, -0.1f, 0.1f), Bar(-0.15f, -0.1f, 0.32f, -0.62f, 0.1f), Circle(-0.15f, -0.1f, 0.08f), Polygon(0.2f, -0.62f, 0.42f, -0.84f, 0.98f, -0.18f, 0.6f, 0.12f)),
            P(ShapePartKind.Trim, Oval(0.79f, -0.03f, 0.2f, 0.1f), new SKColor(255, 236, 170))),

        "side_chair" => Make("chair", shape, Union(RoundRect(-0.55f, -0.96f, 0.55f, -0.3f, 0.08f), Rect(-0.55f, -0.4f, -0.45f, 0f), Rect(0.45f, -0.4f, 0.55f, 0f), Polygon(-0.64f, -0.06f, 0.64f, -0.06f, 0.72f, 0.18f, -0.72f, 0.18f), Rect(-0.7f, 0.16f, -0.6f, 0.96f), Rect(0.6f, 0.16f, 0.7f, 0.96f), Rect(-0.52f, 0.16f, -0.44f, 0.78f), Rect(0.44f, 0.16f, 0.52f, 0.78f)),
            P(ShapePartKind.Detail, Lines(-0.72f, 0.18f, 0.72f, 0.18f))),
        "armchair" => Make("chair", shape, Union(RoundRect(-0.7f, -0.92f, 0.7f, 0.1f, 0.25f), RoundRect(-0.96f, -0.36f, -0.56f, 0.6f, 0.15f), RoundRect(0.56f, -0.36f, 0.96f, 0.6f, 0.15f), RoundRect(-0.64f, 0.02f, 0.64f, 0.46f, 0.08f), Rect(-0.9f, 0.44f, 0.9f, 0.66f), Rect(-0.86f, 0.6f, -0.74f, 0.9f), Rect(0.74f, 0.6f, 0.86f, 0.9f)),
            P(ShapePartKind.Detail, Lines(-0.58f, 0.04f, 0.58f, 0.04f)),
            P(ShapePartKind.Detail, Lines(-0.56f, -0.3f, -0.56f, 0.44f)),
            P(ShapePartKind.Detail, Lines(0.56f, -0.3f, 0.56f, 0.44f))),
        "rocking_chair" => Make("chair", shape, RockingChair(),
            P(ShapePartKind.Detail, Lines(-0.44f, -0.02f, 0.55f, -0.02f))),

        "slim_case" => Make("phone_case", shape, RoundRect(-0.5f, -0.96f, 0.5f, 0.96f, 0.16f),
            P(ShapePartKind.Dark, Circle(-0.26f, -0.7f, 0.13f)),
            P(ShapePartKind.Detail, Circle(-0.26f, -0.7f, 0.17f))),
        "lanyard_case" => Make("phone_case", shape, Union(RoundRect(-0.5f, -0.46f, 0.5f, 0.98f, 0.15f), Clip(Ring(0, -0.44f, 0.44f, 0.56f, 0.07f), -1, -1.1f, 1, -0.36f)),
            P(ShapePartKind.Dark, RoundRect(-0.42f, -0.38f, 0.04f, 0.06f, 0.1f)),
            P(ShapePartKind.Detail, Circle(-0.27f, -0.25f, 0.07f)),
            P(ShapePartKind.Detail, Circle(-0.27f, -0.06f, 0.07f)),
            P(ShapePartKind.Detail, Circle(-0.09f, -0.16f, 0.07f))),
        "wallet_case" => Make("phone_case", shape, Union(RoundRect(-0.52f, -0.96f, 0.48f, 0.96f, 0.1f), RoundRect(0.3f, -0.16f, 0.7f, 0.16f, 0.08f)),
            P(ShapePartKind.Detail, Lines(-0.52f, -0.2f, 0.3f, -0.2f)),
            P(ShapePartKind.Detail, Lines(-0.44f, 0.3f, 0.2f, 0.3f)),
            P(ShapePartKind.Detail, Lines(-0.44f, 0.45f, 0.2f, 0.45f)),
            P(ShapePartKind.Trim, Circle(0.56f, 0f, 0.07f), Brass)),

        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "No silhouette for this shape."),
    };

    private static ShapeDrawing Make(string category, string shape, SKPath body, params ShapePart[] parts) =>
        new(category, shape, body, parts);

    private static ShapePart P(ShapePartKind kind, SKPath path, SKColor trimColor = default) => new(kind, path, trimColor);

    private static SKPath TeeBody(bool longSleeves, bool vNeck)
    {
        SKPath body = longSleeves
            ? MirroredPolygon(0.25f, -0.9f, 0.55f, -0.82f, 0.98f, 0.4f, 0.76f, 0.5f, 0.52f, -0.2f, 0.56f, 0.92f)
            : MirroredPolygon(0.25f, -0.9f, 0.55f, -0.82f, 0.98f, -0.44f, 0.8f, -0.18f, 0.55f, -0.32f, 0.58f, 0.92f);
        using (body)
        using (SKPath neck = vNeck ? Polygon(-0.26f, -0.95f, 0.26f, -0.95f, 0, -0.5f) : Oval(0, -0.9f, 0.26f, 0.17f))
        {
            return Difference(body, neck);
        }
    }

    // A fitted V-neck: narrow shoulders, short cap sleeves, a waist and a flared hem.
    private static SKPath FittedVNeckBody()
    {
        using SKPath body = MirroredPolygon(0.22f, -0.92f, 0.46f, -0.86f, 0.76f, -0.56f, 0.6f, -0.4f, 0.42f, -0.5f, 0.32f, 0.08f, 0.48f, 0.94f);
        using SKPath neck = Polygon(-0.23f, -0.97f, 0.23f, -0.97f, 0, -0.5f);
        return Difference(body, neck);
    }

    private static SKPath TankBody()
    {
        var path = new SKPath();
        path.MoveTo(-0.44f, -0.96f);
        path.LineTo(-0.3f, -0.96f);
        path.CubicTo(-0.28f, -0.6f, 0.28f, -0.6f, 0.3f, -0.96f);
        path.LineTo(0.44f, -0.96f);
        path.CubicTo(0.44f, -0.55f, 0.5f, -0.35f, 0.62f, -0.28f);
        path.LineTo(0.64f, 0.92f);
        path.LineTo(-0.64f, 0.92f);
        path.LineTo(-0.62f, -0.28f);
        path.CubicTo(-0.5f, -0.35f, -0.44f, -0.55f, -0.44f, -0.96f);
        path.Close();
        return path;
    }

    private static SKPath SheathDress()
    {
        using SKPath body = MirroredPolygon(0.16f, -0.96f, 0.38f, -0.9f, 0.56f, -0.62f, 0.42f, -0.54f, 0.33f, -0.6f, 0.26f, -0.12f, 0.36f, 0.3f, 0.3f, 0.96f);
        using SKPath neck = Oval(0, -0.96f, 0.17f, 0.12f);
        return Difference(body, neck);
    }

    private static SKPath SkaterDress()
    {
        var path = new SKPath();
        path.MoveTo(-0.16f, -0.96f);
        path.QuadTo(0, -0.82f, 0.16f, -0.96f);
        path.LineTo(0.36f, -0.9f);
        path.LineTo(0.54f, -0.66f);
        path.LineTo(0.4f, -0.58f);
        path.LineTo(0.3f, -0.64f);
        path.LineTo(0.26f, -0.18f);
        path.LineTo(0.96f, 0.62f);
        // Scalloped hem, right to left.
        const int scallops = 6;
        for (int i = 0; i < scallops; i++)
        {
            float x0 = 0.96f - 1.92f * i / scallops;
            float x1 = 0.96f - 1.92f * (i + 1) / scallops;
            path.QuadTo((x0 + x1) / 2, 0.86f, x1, 0.62f);
        }

        path.LineTo(-0.26f, -0.18f);
        path.LineTo(-0.3f, -0.64f);
        path.LineTo(-0.4f, -0.58f);
        path.LineTo(-0.54f, -0.66f);
        path.LineTo(-0.36f, -0.9f);
        path.Close();
        return path;
    }

    private static SKPath RockingChair()
    {
        using var runnerLine = new SKPath();
        runnerLine.MoveTo(-0.95f, 0.6f);
        runnerLine.QuadTo(0, 1.02f, 0.95f, 0.6f);
        return Union(
            Polygon(-0.7f, -0.96f, -0.5f, -0.96f, -0.26f, 0.02f, -0.46f, 0.02f),
            Polygon(-0.46f, -0.06f, 0.58f, -0.06f, 0.58f, 0.08f, -0.46f, 0.08f),
            Bar(-0.38f, 0.06f, -0.48f, 0.78f, 0.09f),
            Bar(0.48f, 0.06f, 0.52f, 0.76f, 0.09f),
            Bar(-0.5f, -0.4f, 0.5f, -0.4f, 0.08f),
            Bar(0.48f, -0.42f, 0.48f, 0f, 0.08f),
            Stroke(runnerLine, 0.09f));
    }

    /// <summary>Criss-cross lace lines between two corners of the lacing area.</summary>
    private static SKPath Laces(float x0, float y0, float x1, float y1, int count)
    {
        var path = new SKPath();
        for (int i = 0; i < count; i++)
        {
            float t = (i + 0.5f) / count;
            float x = x0 + (x1 - x0) * t;
            float y = y0 + (y1 - y0) * t;
            path.MoveTo(x - 0.06f, y - 0.07f);
            path.LineTo(x + 0.06f, y + 0.07f);
        }

        return path;
    }
}
