namespace M6Search.Relevance.Traits;

/// <summary>A vocabulary that does not change (tests, or a host that loads it once).</summary>
public sealed class FixedTraitVocabulary(TraitVocabulary vocabulary) : ITraitVocabularySource
{
    public TraitVocabulary Current { get; } = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
}
