namespace M6Search.Synth.Rendering;

/// <summary>
/// What the renderer actually drew, as reported by the code that drew it: the silhouette's category and shape, the
/// colour whose swatch filled the body, and the texture and material painters that ran.
/// </summary>
public sealed record RenderTrace(string Category, string Shape, string Color, string Texture, string Material);
