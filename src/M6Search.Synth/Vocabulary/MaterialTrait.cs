namespace M6Search.Synth.Vocabulary;

/// <summary>A material, its words, and the textures that are plausible on it (no smooth knit, no plaid glass).</summary>
public sealed record MaterialTrait(string Key, BilingualWords Words, IReadOnlyList<string> Textures, double PriceFactor);
