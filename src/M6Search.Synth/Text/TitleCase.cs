using System.Globalization;

namespace M6Search.Synth.Text;

/// <summary>Marketplace-style Title Case for English phrases ("polka dot" becomes "Polka Dot").</summary>
public static class TitleCase
{
    public static string Apply(string phrase)
    {
        var chars = phrase.ToCharArray();
        bool startOfWord = true;
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (startOfWord && char.IsLetter(c))
            {
                chars[i] = char.ToUpper(c, CultureInfo.InvariantCulture);
            }

            startOfWord = c == ' ' || c == '-';
        }

        return new string(chars);
    }
}
