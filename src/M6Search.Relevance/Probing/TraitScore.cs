using M6Search.Relevance.Traits;

namespace M6Search.Relevance.Probing;

/// <summary>
/// How strongly a product photo's embedding matches a trait's words: the mean cosine similarity of the image vector and
/// the trait's canonical English and Chinese words.
/// </summary>
public sealed record TraitScore(VisualTrait Trait, double Score);
