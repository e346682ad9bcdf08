using System.Globalization;
using System.Text;
using M6Search.Catalog.Text;

namespace M6Search.Encoder.Tokenization;

/// <summary>
/// Turns English and Chinese product text into hashed token ids, with no vocabulary file and no network. Text is NFKC
/// normalised (full-width forms become half-width), lower-cased and stripped of Latin accents; punctuation separates
/// words. A Latin-script word gives its own id plus ids for its character n-grams with boundary marks (<c>&lt;cup&gt;</c>
/// gives <c>&lt;cu</c>, <c>cup</c>, <c>up&gt;</c>), so a typo keeps most of a word's ids; Han, kana and Hangul give one id
/// per character plus one per adjacent pair. Every feature is hashed with 64-bit FNV-1a into a fixed number of buckets.
/// Whole-word and whole-character ids come first, n-grams after, so truncation drops n-grams before words.
/// Deterministic across runs, processes and machines. Thread-safe. See docs/tokenizer.md.
/// </summary>
public sealed class ProductTokenizer
{
    private const string WordPrefix = "w:";
    private const string NGramPrefix = "g:";
    private const string CharPrefix = "c:";
    private const string BigramPrefix = "b:";

    private readonly ulong _buckets;

    /// <summary>A tokenizer with the given settings.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ProductTokenizer(TokenizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _buckets = (ulong)(options.VocabSize - SpecialTokens.ReservedCount);
    }

    /// <summary>The settings in use.</summary>
    public TokenizerOptions Options { get; }

    /// <summary>The normalised form the features are taken from: NFKC, lower case, Latin accents removed (<see cref="ProductText"/>).</summary>
    public string Normalize(string text) => ProductText.Normalize(text, Options.StripAccents);

    /// <summary>Token ids of one text: CLS, whole-word and character ids, then n-gram ids, at most MaxTokens.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var units = new List<int>();
        var grams = new List<int>();
        var word = new List<Rune>();
        var cjk = new List<Rune>();

        foreach (Rune rune in Normalize(text).EnumerateRunes())
        {
            if (IsCjk(rune))
            {
                FlushWord(word, units, grams);
                cjk.Add(rune);
            }
            else if (Rune.IsLetterOrDigit(rune) || (word.Count > 0 && IsMark(rune)))
            {
                FlushCjk(cjk, units, grams);
                word.Add(rune);
            }
            else
            {
                FlushWord(word, units, grams);
                FlushCjk(cjk, units, grams);
            }
        }

        FlushWord(word, units, grams);
        FlushCjk(cjk, units, grams);

        int length = Math.Min(Options.MaxTokens, 1 + units.Count + grams.Count);
        var ids = new int[length];
        ids[0] = SpecialTokens.Cls;
        int next = 1;
        foreach (int id in units.Concat(grams))
        {
            if (next == length)
            {
                break;
            }

            ids[next++] = id;
        }

        return ids;
    }

    /// <summary>Token ids of several texts, padded with <see cref="SpecialTokens.Pad"/> to the longest.</summary>
    public TokenBatch EncodeBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var rows = new int[texts.Count][];
        for (int i = 0; i < texts.Count; i++)
        {
            rows[i] = Encode(texts[i] ?? throw new ArgumentException($"Text {i} is null.", nameof(texts)));
        }

        return TokenBatch.FromRows(rows);
    }

    /// <summary>The bucket id of one feature string (prefix included).</summary>
    public int BucketOf(string feature) => SpecialTokens.ReservedCount + (int)(Fnv1aHash.Hash(feature) % _buckets);

    private static bool IsMark(Rune rune)
    {
        UnicodeCategory category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>Han ideographs, kana and Hangul: scripts written without spaces, tokenized per character and bigram.</summary>
    public static bool IsCjk(Rune rune) => ProductText.IsCjk(rune);

    private void FlushWord(List<Rune> word, List<int> units, List<int> grams)
    {
        if (word.Count == 0)
        {
            return;
        }

        string text = string.Concat(word.Select(r => r.ToString()));
        units.Add(BucketOf(WordPrefix + text));

        var marked = new List<Rune>(word.Count + 2) { new('<') };
        marked.AddRange(word);
        marked.Add(new Rune('>'));
        int n = Options.CharNGram;
        if (marked.Count <= n)
        {
            grams.Add(BucketOf(NGramPrefix + string.Concat(marked.Select(r => r.ToString()))));
        }
        else
        {
            for (int start = 0; start + n <= marked.Count; start++)
            {
                var gram = new StringBuilder(NGramPrefix, NGramPrefix.Length + (n * 2));
                for (int i = start; i < start + n; i++)
                {
                    gram.Append(marked[i].ToString());
                }

                grams.Add(BucketOf(gram.ToString()));
            }
        }

        word.Clear();
    }

    private void FlushCjk(List<Rune> run, List<int> units, List<int> grams)
    {
        for (int i = 0; i < run.Count; i++)
        {
            units.Add(BucketOf(CharPrefix + run[i].ToString()));
            if (i + 1 < run.Count)
            {
                grams.Add(BucketOf(BigramPrefix + run[i].ToString() + run[i + 1].ToString()));
            }
        }

        run.Clear();
    }
}
