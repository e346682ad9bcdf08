using SkiaSharp;

namespace M6Search.Synth.Rendering;

/// <summary>One background object: position and size as fractions of the frame, muted colour.</summary>
public sealed record ClutterItem(ClutterKind Kind, float X, float Y, float Size, float RotationDegrees, SKColor Color);
