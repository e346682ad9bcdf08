using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Tests.Support;

/// <summary>Word matching as a lexical search would do it: case-insensitive substring.</summary>
public static class Words
{
    public static bool ContainsAny(string text, IEnumerable<string> words) =>
        words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    public static bool NamesTrait(string text, TraitKind kind, string value, string lang) =>
        ContainsAny(text, SynthVocabulary.Words(kind, value).For(lang));

    public static bool HasCjk(string text) => text.Any(c => c >= '\u4e00' && c <= '\u9fff');
}
