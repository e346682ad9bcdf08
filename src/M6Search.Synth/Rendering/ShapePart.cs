using SkiaSharp;

namespace M6Search.Synth.Rendering;

/// <summary>A path drawn over the product body; <see cref="TrimColor"/> is used by <see cref="ShapePartKind.Trim"/>.</summary>
public sealed record ShapePart(ShapePartKind Kind, SKPath Path, SKColor TrimColor = default);
