namespace M6Search.Synth.Vocabulary;

/// <summary>The keys of a synthetic product's <c>attributes</c> object (docs/synthetic-catalog.md).</summary>
public static class AttributeKeys
{
    public const string Category = "category";

    public const string Shape = "shape";

    public const string Color = "color";

    public const string Texture = "texture";

    public const string Material = "material";

    public static string For(TraitKind kind) => kind switch
    {
        TraitKind.Color => Color,
        TraitKind.Texture => Texture,
        TraitKind.Material => Material,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
