namespace M6Search.Synth.Vocabulary;

/// <summary>A surface texture or pattern (bumpy, striped, ...): its canonical key and its words.</summary>
public sealed record TextureTrait(string Key, BilingualWords Words);
