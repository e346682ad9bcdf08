using System.Globalization;
using System.Text;

namespace M6Search.OpenClipart.Cleaning;

/// <summary>
/// How keywords and folder names become comparable terms: lower case, '_' and '-' as spaces, letters only, single
/// spaces; and a light English stem so that "animals" and "animal", "butterflies" and "butterfly" are one concept.
/// </summary>
public static class Terms
{
    /// <summary>Lower-cased words of letters only, joined by single spaces ("Big_Cats" -> "big cats").</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetter(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The stem of every word of a normalized term ("big cats" -> "big cat", "butterflies" -> "butterfly").</summary>
    public static string Stem(string normalizedTerm)
    {
        ArgumentNullException.ThrowIfNull(normalizedTerm);
        return string.Join(' ', normalizedTerm.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(StemWord));
    }

    private static string StemWord(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 3 && word[^1] == 's' && !word.EndsWith("ss", StringComparison.Ordinal)
            && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }
}
