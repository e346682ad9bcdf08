namespace M6Search.Relevance.Traits;

/// <summary>
/// The vocabulary of a <c>traits.json</c> file (configuration <c>M6:Dashboard:Traits</c>; by default the demo catalog's),
/// re-read when the file changes; empty while it does not exist.
/// </summary>
public sealed class TraitVocabularyFileSource : ITraitVocabularySource
{
    private readonly Func<string?> _path;
    private readonly Lock _lock = new();
    private (string Path, DateTime Written, TraitVocabulary Vocabulary)? _cache;

    /// <param name="path">Where traits.json is (asked each time), or null.</param>
    public TraitVocabularyFileSource(Func<string?> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = path;
    }

    public TraitVocabulary Current
    {
        get
        {
            string? path = _path();
            if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            {
                return TraitVocabulary.Empty;
            }

            DateTime written = File.GetLastWriteTimeUtc(path);
            lock (_lock)
            {
                if (_cache is { } hit && hit.Path == path && hit.Written == written)
                {
                    return hit.Vocabulary;
                }

                TraitVocabulary vocabulary = TraitVocabulary.Read(path);
                _cache = (path, written, vocabulary);
                return vocabulary;
            }
        }
    }
}
