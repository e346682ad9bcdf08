namespace M6Search.Synth.Vocabulary;

/// <summary>One held-out way to write a trait value in one language.</summary>
public sealed record HeldOutWord(string Text, HeldOutKind Kind);
