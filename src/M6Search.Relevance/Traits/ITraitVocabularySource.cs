namespace M6Search.Relevance.Traits;

/// <summary>Where the dashboard gets its trait vocabulary (asked each time: the catalog's file may appear or change).</summary>
public interface ITraitVocabularySource
{
    /// <summary>The current vocabulary; <see cref="TraitVocabulary.Empty"/> when there is none.</summary>
    /// <exception cref="InvalidDataException">The vocabulary file exists but is not valid.</exception>
    TraitVocabulary Current { get; }
}
