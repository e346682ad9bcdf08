namespace M6Search.Synth.Vocabulary;

/// <summary>A silhouette of a category (a mug, a tumbler, ...); <see cref="Words"/> may appear in titles.</summary>
public sealed record ShapeInfo(string Key, BilingualWords Words);
