using SkiaSharp;

namespace M6Search.Synth.Vocabulary;

/// <summary>A product colour: its canonical key, the swatch the renderer paints, and its words.</summary>
public sealed record ColorTrait(string Key, SKColor Swatch, BilingualWords Words);
