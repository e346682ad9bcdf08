using M6Search.Encoder.Tokenization;
using M6Search.Search.Text;

namespace M6Search.Search.Lexical;

/// <summary>
/// STOPGAP until M6Search.Indexing's lexical vectorizer is merged: the terms of a text (normalised Latin words; each
/// CJK character and each adjacent pair) and their sparse indices (64-bit FNV-1a folded into 2^24 buckets). The demo
/// bootstrap's interim indexer writes document vectors with these same terms, so query and documents agree.
/// </summary>
public static class InterimLexicalTerms
{
    private const uint Buckets = 1u << 24;

    /// <summary>The terms of <paramref name="text"/>, in order, duplicates kept.</summary>
    public static IEnumerable<string> Terms(SearchText searchText, string text)
    {
        ArgumentNullException.ThrowIfNull(searchText);
        foreach (QueryWord word in searchText.Words(text))
        {
            if (!word.IsCjk)
            {
                yield return "w:" + word.Text;
                continue;
            }

            string[] characters = word.Text.EnumerateRunes().Select(r => r.ToString()).ToArray();
            for (int i = 0; i < characters.Length; i++)
            {
                yield return "c:" + characters[i];
                if (i + 1 < characters.Length)
                {
                    yield return "b:" + characters[i] + characters[i + 1];
                }
            }
        }
    }

    /// <summary>The sparse index of one term.</summary>
    public static uint IndexOf(string term) => (uint)(Fnv1aHash.Hash(term) % Buckets);
}
