using System.Globalization;
using System.Text;

namespace M6Search.Catalog.Text;

/// <summary>
/// The one normalisation of product and query text, shared by the encoder's tokenizer, the lexical vectors of the
/// stores and the search page's word comparison: NFKC (full-width forms become half-width), lower case, and Latin,
/// Greek and Cyrillic accents removed; and the scripts written without spaces (Han, kana, Hangul), which are read
/// character by character. Fixed: token ids and lexical term hashes depend on it.
/// </summary>
public static class ProductText
{
    /// <summary>NFKC, invariant lower case and, when <paramref name="stripAccents"/>, Latin accents removed.</summary>
    public static string Normalize(string text, bool stripAccents = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        string normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        if (!stripAccents)
        {
            return normalized;
        }

        string decomposed = normalized.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        Rune previousBase = default;
        foreach (Rune rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
            {
                // Only accents on Latin, Greek and Cyrillic letters: kana voicing marks carry meaning.
                if (previousBase.Value < 0x0530 || previousBase.Value is >= 0x1E00 and <= 0x1EFF)
                {
                    continue;
                }
            }
            else
            {
                previousBase = rune;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Han ideographs, kana and Hangul: scripts written without spaces, read per character and bigram.</summary>
    public static bool IsCjk(Rune rune) => rune.Value switch
    {
        >= 0x3040 and <= 0x30FF => true, // Hiragana, Katakana
        >= 0x3400 and <= 0x4DBF => true, // CJK Extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK Unified Ideographs
        >= 0xAC00 and <= 0xD7AF => true, // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true, // CJK Compatibility Ideographs
        >= 0x20000 and <= 0x3134F => true, // CJK Extensions B to G
        _ => false,
    };
}
