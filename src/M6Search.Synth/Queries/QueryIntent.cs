using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Queries;

/// <summary>What a generated shopper query asks for: a category and one or two trait values.</summary>
public sealed record QueryIntent(string Category, IReadOnlyList<KeyValuePair<TraitKind, string>> Traits);
