namespace M6Search.Synth.Vocabulary;

/// <summary>The visual traits a shopper may type and a title may leave out.</summary>
public enum TraitKind
{
    Color,
    Texture,
    Material,
}
