using System.Text.RegularExpressions;

namespace M6Search.OpenClipart.Cleaning;

/// <summary>
/// What in the library's metadata is not a description of the picture (docs/real-catalog.md, "Cleaning"): collection
/// and theme names used as titles, "Clipart by ..." credits, Perl hash addresses left by an old export script
/// (<c>HASH(0x862bbb8)</c>, <c>0x8b754fc</c>), e-mail addresses and links, and keywords that name the library's own
/// bookkeeping (icons, theme, unsorted) rather than the picture.
/// </summary>
public static partial class JunkRules
{
    /// <summary>Keywords (normalized, see <see cref="Terms.Normalize"/>) that describe the library, not the picture.</summary>
    public static readonly IReadOnlySet<string> BookkeepingTerms = new HashSet<string>(StringComparer.Ordinal)
    {
        "hash", "unsorted", "icon", "icons", "theme", "themes", "lemon theme icon", "lemon theme", "flat theme",
        "etiquette theme", "etiquette", "magick", "appicon", "mimeicon", "mime types", "mimetypes", "clip art", "clipart",
        "clip", "art", "svg", "png", "openclipart", "open clip art", "public domain", "special", "various", "misc",
        "miscellaneous", "other", "others", "media", "image", "images", "picture", "drawing", "illustration", "graphic",
        "graphics", "vector", "inkscape", "sodipodi", "collection", "set", "new", "simple", "nicu", "buculei",
        // the library's filing codes and desktop-theme words rather than words for the picture
        "mapsym", "map symbol", "map symbols", "signalflag", "filesystem", "filesystems", "apps", "app", "application",
        "applications", "action", "actions", "mimeicon", "miscellany", "subnational",
        "united nations member", "webpage",
    };

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(https?://|www\.)\S+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"HASH\(0x[0-9a-f]+\)|\b0x[0-9a-f]+\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HashPattern();

    [GeneratedRegex(@"\b(collection|clip\s*art\s+by|theme|icons|iconset|icon set|svg|gramastar|cliparts)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CollectionTitlePattern();

    [GeneratedRegex(@"\bEPS converted from\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ConversionNotePattern();

    [GeneratedRegex(@"\b(made|created|drawn|done|drawing)\s+(with|in|using)\s+(inkscape|sodipodi|illustrator|corel\s*draw|corel|xara|sketsa|openoffice)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ToolNotePattern();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    /// <summary>The text with e-mail addresses, links and hash addresses removed and whitespace collapsed.</summary>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string scrubbed = EmailPattern().Replace(text, " ");
        scrubbed = LinkPattern().Replace(scrubbed, " ");
        scrubbed = HashPattern().Replace(scrubbed, " ");
        return Whitespace().Replace(scrubbed, " ").Trim(' ', ',', ';', '-', '.');
    }

    /// <summary>True when a title names a collection, theme or credit instead of the picture, or has no letters.</summary>
    public static bool IsJunkTitle(string scrubbedTitle, string creator)
    {
        ArgumentNullException.ThrowIfNull(scrubbedTitle);
        string normalized = Terms.Normalize(scrubbedTitle);
        return normalized.Length < 2
            || CollectionTitlePattern().IsMatch(scrubbedTitle)
            || (creator.Length > 0 && normalized == Terms.Normalize(creator));
    }

    /// <summary>Words of form placeholders that authors left in the description field ("email adress", "none").</summary>
    public static readonly IReadOnlySet<string> PlaceholderWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "email", "e", "mail", "adress", "address", "description", "none", "no", "todo", "tbd", "test", "untitled", "n", "a",
    };

    /// <summary>
    /// True when a description is only a conversion or tool note ("EPS converted from ...", "Made with Inkscape"), a
    /// form placeholder ("email adress"), or repeats the title.
    /// </summary>
    public static bool IsJunkDescription(string scrubbedDescription, string title)
    {
        ArgumentNullException.ThrowIfNull(scrubbedDescription);
        string withoutToolNote = Terms.Normalize(ToolNotePattern().Replace(scrubbedDescription, " "));
        return withoutToolNote.Length < 3
            || withoutToolNote.Split(' ').All(PlaceholderWords.Contains)
            || ConversionNotePattern().IsMatch(scrubbedDescription)
            || Terms.Normalize(scrubbedDescription) == Terms.Normalize(title);
    }

    /// <summary>
    /// True when a normalized keyword says nothing about the picture: empty, one letter, bookkeeping, or a word of the
    /// author's name (authors tagged their own names).
    /// </summary>
    public static bool IsJunkKeyword(string normalizedKeyword, IReadOnlySet<string> creatorWords)
    {
        ArgumentNullException.ThrowIfNull(normalizedKeyword);
        ArgumentNullException.ThrowIfNull(creatorWords);
        return normalizedKeyword.Length < 2
            || BookkeepingTerms.Contains(normalizedKeyword)
            || normalizedKeyword.Split(' ').All(creatorWords.Contains);
    }
}
