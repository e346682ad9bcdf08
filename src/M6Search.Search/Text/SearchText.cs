using System.Text;
using M6Search.Encoder.Tokenization;

namespace M6Search.Search.Text;

/// <summary>
/// The text rules search shares with the encoder's tokenizer: the same normalisation (NFKC, so full-width "Ｂｕｍｐｙ" is
/// "bumpy"; lower case; Latin accents removed) and the same word boundaries (letters and digits form Latin words,
/// Han/kana/Hangul characters form runs, everything else separates). Thread-safe.
/// </summary>
public sealed class SearchText
{
    private readonly ProductTokenizer _tokenizer;

    /// <summary>Uses the default tokenizer settings; normalisation does not depend on the vocabulary size.</summary>
    public SearchText()
        : this(new ProductTokenizer(new TokenizerOptions()))
    {
    }

    public SearchText(ProductTokenizer tokenizer)
    {
        _tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
    }

    /// <summary>The tokenizer's normalised form of <paramref name="text"/>.</summary>
    public string Normalize(string text) => _tokenizer.Normalize(text);

    /// <summary>The words of <paramref name="text"/> after normalisation, in order, duplicates kept.</summary>
    public IReadOnlyList<QueryWord> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<QueryWord>();
        var latin = new StringBuilder();
        var cjk = new StringBuilder();
        foreach (Rune rune in Normalize(text).EnumerateRunes())
        {
            if (IsCjk(rune))
            {
                Flush(latin, isCjk: false, words);
                cjk.Append(rune.ToString());
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                Flush(cjk, isCjk: true, words);
                latin.Append(rune.ToString());
            }
            else
            {
                Flush(latin, isCjk: false, words);
                Flush(cjk, isCjk: true, words);
            }
        }

        Flush(latin, isCjk: false, words);
        Flush(cjk, isCjk: true, words);
        return words;
    }

    /// <summary>Han ideographs, kana and Hangul, as the tokenizer defines them.</summary>
    public static bool IsCjk(Rune rune) => ProductTokenizer.IsCjk(rune);

    private static void Flush(StringBuilder buffer, bool isCjk, List<QueryWord> words)
    {
        if (buffer.Length > 0)
        {
            words.Add(new QueryWord(buffer.ToString(), isCjk));
            buffer.Clear();
        }
    }
}
