using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using M6Search.OpenClipart.Source;

namespace M6Search.OpenClipart.Cleaning;

/// <summary>Turns a package record into a <see cref="ClipartItem"/>, or says why it cannot be one.</summary>
public static class MetadataCleaner
{
    /// <summary>The cleaned item, or null with <paramref name="reason"/> set (no PNG, no usable title).</summary>
    public static ClipartItem? Clean(ClipartRecord record, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.PngPath is null)
        {
            reason = "the png package has no rendering of it";
            return null;
        }

        string creator = JunkRules.Scrub(record.Creator);
        var creatorWords = Terms.Normalize(creator).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        string title = JunkRules.Scrub(record.Title);
        bool fromFileName = false;
        if (JunkRules.IsJunkTitle(title, creator))
        {
            title = TitleFromFileName(record.FileStem, creatorWords);
            fromFileName = true;
            if (title.Length < 2)
            {
                reason = $"neither its title ({Quote(record.Title)}) nor its file name ({Quote(record.FileStem)}) names the picture";
                return null;
            }
        }

        string[] keywords = record.Keywords
            .SelectMany(SplitKeyword)
            .Where(k => !JunkRules.IsJunkKeyword(k, creatorWords))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        string[] folders = record.Folders
            .Select(Terms.Normalize)
            .Where(f => !JunkRules.IsJunkKeyword(f, creatorWords))
            .ToArray();
        string description = JunkRules.Scrub(record.Description);
        description = JunkRules.IsJunkDescription(description, title) ? "" : Shorten(description, MaxDescriptionLength);
        title = Shorten(title, MaxTitleLength);

        string series = string.Join(
            '|',
            record.Title.Trim(),
            string.Join(',', record.Keywords.Select(k => k.Trim()).Order(StringComparer.Ordinal)),
            string.Join('/', record.Folders));
        reason = null;
        return new ClipartItem(IdOf(record.RelativePath), record.RelativePath, record.PngPath, title, fromFileName, keywords, folders, description, series);
    }

    /// <summary>Longest keyword kept as one term, in words; longer ones are a list the author typed into one field.</summary>
    public const int MaxKeywordWords = 3;

    /// <summary>
    /// The normalized terms of one rdf:li: split at commas and semicolons, and into single words when a part has more
    /// than <see cref="MaxKeywordWords"/> words ("science space earth globe north star polaris").
    /// </summary>
    public static IEnumerable<string> SplitKeyword(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        foreach (string part in JunkRules.Scrub(keyword).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            string term = Terms.Normalize(part);
            string[] words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (string t in words.Length > MaxKeywordWords ? words : [term])
            {
                yield return t;
            }
        }
    }

    /// <summary>Longest title kept, in characters (a few authors pasted paragraphs into the title).</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Longest description kept, in characters (the pair reader's limit is 1,000).</summary>
    public const int MaxDescriptionLength = 600;

    /// <summary>The product id of a source path: <c>oc-</c> and the first 12 hex digits of its SHA-256.</summary>
    public static string IdOf(string relativePath) =>
        "oc-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(relativePath)))[..12];

    /// <summary>
    /// Words of the file name, without digits, one-letter words, bookkeeping words and words that begin the author's
    /// name (file names were often suffixed with a truncated author name: <c>cavallo_architetto_franc_01</c>).
    /// </summary>
    public static string TitleFromFileName(string fileStem, IReadOnlySet<string> creatorWords)
    {
        ArgumentNullException.ThrowIfNull(fileStem);
        ArgumentNullException.ThrowIfNull(creatorWords);
        string[] words = Terms.Normalize(fileStem)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 1 && !JunkRules.BookkeepingTerms.Contains(w))
            .Where(w => !(w.Length >= 3 && creatorWords.Any(c => c.StartsWith(w, StringComparison.Ordinal))))
            .ToArray();
        if (words.Length == 0)
        {
            return "";
        }

        string text = string.Join(' ', words);
        return char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
    }

    /// <summary>At most <paramref name="max"/> characters, cut at the last space before the limit when there is one.</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        int cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max)].TrimEnd(' ', ',', ';');
    }

    private static string Quote(string text) => "\"" + text + "\"";
}
