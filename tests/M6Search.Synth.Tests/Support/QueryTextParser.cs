using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Tests.Support;

/// <summary>
/// Reads a generated query back into (category, traits) from the vocabulary alone, independently of the generator:
/// trait words are found longest first and removed, then the one category whose shopper noun remains is the category.
/// </summary>
public static class QueryTextParser
{
    public static (string Category, List<KeyValuePair<TraitKind, string>> Traits) Parse(string text, string lang)
    {
        var words = Enum.GetValues<TraitKind>()
            .SelectMany(kind => SynthVocabulary.Keys(kind).SelectMany(key =>
                SynthVocabulary.Words(kind, key).For(lang).Select(word => (Kind: kind, Key: key, Word: word))))
            .OrderByDescending(w => w.Word.Length)
            .ToArray();

        var traits = new List<KeyValuePair<TraitKind, string>>();
        string rest = text;
        foreach (var w in words)
        {
            int at = rest.IndexOf(w.Word, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                rest = rest.Remove(at, w.Word.Length).Insert(at, " ");
                if (!traits.Any(t => t.Key == w.Kind && t.Value == w.Key))
                {
                    traits.Add(new(w.Kind, w.Key));
                }
            }
        }

        var categories = SynthVocabulary.Categories
            .Where(c => c.QueryNouns.For(lang).Any(n => rest.Contains(n, StringComparison.OrdinalIgnoreCase)))
            .Select(c => c.Key)
            .ToArray();
        if (categories.Length != 1)
        {
            throw new InvalidOperationException($"\"{text}\" names {categories.Length} categories: {string.Join(", ", categories)}");
        }

        return (categories[0], traits);
    }
}
