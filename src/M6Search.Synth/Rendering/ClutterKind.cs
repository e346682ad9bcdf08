namespace M6Search.Synth.Rendering;

/// <summary>Small background objects that make a photo less clean than a studio shot.</summary>
public enum ClutterKind
{
    Circle,
    Square,
    Triangle,
    Ring,
    Bar,
}
