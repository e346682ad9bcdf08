using System.Text;

namespace M6Search.Search.Text;

/// <summary>
/// Finds the query words a title lacks: the traits a shopper typed that the merchant did not write, which only the image
/// can have matched. Words are compared after the tokenizer's normalisation, so "Bumpy", "BUMPY" and full-width
/// "Ｂｕｍｐｙ" are one word. A Latin word is in the title when the title has it or its singular/plural ("cup"/"cups");
/// Chinese has no spaces, so a run of CJK characters is compared character by character and the uncovered characters
/// form the missing words ("凹凸的咖啡杯" against "白色咖啡杯" lacks "凹凸"). Function words ("the", "with", "的") are left out.
/// </summary>
public sealed class TitleCoverageAnalyzer
{
    private static readonly HashSet<string> EnglishStopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "the", "with", "for", "of", "in", "on", "to", "by", "or", "at", "from", "is", "that",
    };

    private static readonly HashSet<int> ChineseFunctionCharacters = ['的', '和', '与', '及', '或', '了', '很', '个'];

    private readonly SearchText _text;

    public TitleCoverageAnalyzer(SearchText text)
    {
        _text = text ?? throw new ArgumentNullException(nameof(text));
    }

    /// <summary>Compares the words of <paramref name="query"/> with <paramref name="title"/>.</summary>
    public TitleCoverage Analyze(string query, string title)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(title);
        IReadOnlyList<QueryWord> titleWords = _text.Words(title);
        var latinTitle = new HashSet<string>(titleWords.Where(w => !w.IsCjk).Select(w => w.Text), StringComparer.Ordinal);
        var cjkTitle = new HashSet<int>(titleWords.Where(w => w.IsCjk).SelectMany(w => w.Text.EnumerateRunes()).Select(r => r.Value));

        var matched = new List<string>();
        var missing = new List<string>();
        foreach (QueryWord word in _text.Words(query))
        {
            if (word.IsCjk)
            {
                SplitCjkRun(word.Text, cjkTitle, matched, missing);
            }
            else if (!EnglishStopWords.Contains(word.Text))
            {
                AddOnce(HasLatinWord(latinTitle, word.Text) ? matched : missing, word.Text);
            }
        }

        return new TitleCoverage(matched, missing);
    }

    private static bool HasLatinWord(HashSet<string> title, string word)
    {
        if (title.Contains(word) || title.Contains(word + "s") || title.Contains(word + "es"))
        {
            return true;
        }

        return (word.Length > 3 && word.EndsWith("es", StringComparison.Ordinal) && title.Contains(word[..^2]))
            || (word.Length > 2 && word.EndsWith('s') && title.Contains(word[..^1]));
    }

    /// <summary>Maximal runs of covered and uncovered characters, function characters breaking runs and dropped.</summary>
    private static void SplitCjkRun(string run, HashSet<int> title, List<string> matched, List<string> missing)
    {
        var current = new StringBuilder();
        bool? currentCovered = null;
        foreach (Rune rune in run.EnumerateRunes())
        {
            if (ChineseFunctionCharacters.Contains(rune.Value))
            {
                Flush();
                continue;
            }

            bool covered = title.Contains(rune.Value);
            if (currentCovered is not null && currentCovered != covered)
            {
                Flush();
            }

            currentCovered = covered;
            current.Append(rune.ToString());
        }

        Flush();

        void Flush()
        {
            if (current.Length > 0)
            {
                AddOnce(currentCovered == true ? matched : missing, current.ToString());
            }

            current.Clear();
            currentCovered = null;
        }
    }

    private static void AddOnce(List<string> list, string word)
    {
        if (!list.Contains(word, StringComparer.Ordinal))
        {
            list.Add(word);
        }
    }
}
