using System.Text;
using M6Search.Catalog.Text;
using M6Search.Stores.Abstractions;

namespace M6Search.Stores.Lexical;

/// <summary>
/// The sparse lexical vector of a title (indexing) or a query (search), stored as the collection's "lexical" vector.
/// Both sides of the lexical channel use it (the indexer for titles, the search service for queries), so their terms
/// hash alike. Text is normalised by <see cref="ProductText"/>, exactly as the encoder's tokenizer does (NFKC, lower
/// case, Latin accents removed). Terms are whole Latin-script words (letters and digits), and for Han, kana and Hangul
/// every character and every adjacent pair, so "凹凸咖啡杯" matches a query "咖啡杯". Each term is written <c>w:word</c>, <c>c:字</c> or
/// <c>b:字字</c> and hashed with 64-bit FNV-1a (<see cref="Fnv1aHash"/>), folded to 32 bits (high half XOR low half): the
/// uint index. Fixed forever, like the tokenizer's hashing (change <see cref="Version"/> if it ever changes).
/// <para>
/// Document weights are BM25's saturated term frequency without length normalisation, tf·(k1+1)/(tf+k1) with
/// k1 = 1.2; query weights are 1 per distinct term. Both stores configure the sparse vector with no IDF modifier
/// (Qdrant <c>modifier: none</c>, and the embedded store scores the plain dot product), so scores are the sum of
/// saturated frequencies of the shared terms; no corpus statistics are needed and indexing stays one pass.
/// </para>
/// Thread-safe.
/// </summary>
public sealed class LexicalVectorizer
{
    /// <summary>Identifies the term hashing and weighting; part of every content hash.</summary>
    public const string Version = "lexical-fnv1a32-bm25tf-v1";

    /// <summary>BM25's term-frequency saturation.</summary>
    public const float K1 = 1.2f;

    /// <summary>The shared instance.</summary>
    public static LexicalVectorizer Default { get; } = new();

    /// <summary>The terms of a text in order, with repeats (for tests and explanations).</summary>
    public IReadOnlyList<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        var word = new StringBuilder();
        Rune? previousCjk = null;
        foreach (Rune rune in ProductText.Normalize(text).EnumerateRunes())
        {
            if (IsCjk(rune))
            {
                FlushWord(word, terms);
                terms.Add("c:" + rune.ToString());
                if (previousCjk is Rune previous)
                {
                    terms.Add("b:" + previous.ToString() + rune.ToString());
                }

                previousCjk = rune;
            }
            else
            {
                previousCjk = null;
                if (Rune.IsLetterOrDigit(rune))
                {
                    word.Append(rune.ToString());
                }
                else
                {
                    FlushWord(word, terms);
                }
            }
        }

        FlushWord(word, terms);
        return terms;
    }

    /// <summary>The vector of a product title: saturated term frequencies. Empty (no indices) when the text has no terms.</summary>
    public SparseVector Document(string text) => Build(text, query: false);

    /// <summary>The vector of a search query: weight 1 per distinct term.</summary>
    public SparseVector Query(string text) => Build(text, query: true);

    /// <summary>The uint index of one term (prefix included).</summary>
    public static uint IndexOf(string term)
    {
        ulong hash = Fnv1aHash.Hash(term);
        return (uint)(hash ^ (hash >> 32));
    }

    private SparseVector Build(string text, bool query)
    {
        var counts = new SortedDictionary<uint, int>();
        foreach (string term in Terms(text))
        {
            uint index = IndexOf(term);
            counts[index] = counts.TryGetValue(index, out int count) ? count + 1 : 1;
        }

        var indices = new uint[counts.Count];
        var values = new float[counts.Count];
        int i = 0;
        foreach ((uint index, int tf) in counts)
        {
            indices[i] = index;
            values[i] = query ? 1f : tf * (K1 + 1) / (tf + K1);
            i++;
        }

        return new SparseVector(indices, values);
    }

    private static void FlushWord(StringBuilder word, List<string> terms)
    {
        if (word.Length > 0)
        {
            terms.Add("w:" + word);
            word.Clear();
        }
    }

    private static bool IsCjk(Rune rune) => ProductText.IsCjk(rune);
}
