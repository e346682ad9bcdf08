namespace M6Search.OpenClipart.Cleaning;

/// <summary>
/// A cleaned item: the title a merchant-like catalog would show, the human text that describes the picture, and the
/// concepts it is about (for judging queries).
/// </summary>
/// <param name="Id">Stable product id derived from the source path (<c>oc-</c> + 12 hex digits of its SHA-256).</param>
/// <param name="SourcePath">The SVG's path under the package's svg folder, without extension.</param>
/// <param name="PngPath">The package's PNG rendering.</param>
/// <param name="Title">The author's title, or words of the file name when the title was junk.</param>
/// <param name="TitleFromFileName">True when <paramref name="Title"/> comes from the file name.</param>
/// <param name="Keywords">Cleaned keywords in the author's order (normalized, no duplicates).</param>
/// <param name="Folders">Cleaned category folder names, outermost first (normalized).</param>
/// <param name="Description">Cleaned description; empty when there was none worth keeping.</param>
/// <param name="SeriesKey">Items with the same raw title, keyword set and folder share it (a near-duplicate series).</param>
public sealed record ClipartItem(
    string Id,
    string SourcePath,
    string PngPath,
    string Title,
    bool TitleFromFileName,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Folders,
    string Description,
    string SeriesKey)
{
    /// <summary>Stems of the keywords and folder names: what the item is about, according to its author and curator.</summary>
    public HashSet<string> TaggedConcepts() => Keywords.Concat(Folders).Select(Terms.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// This item with the keywords and folders of <paramref name="copy"/> (the same picture filed elsewhere, such as
    /// <c>food/fruit</c> and <c>animals/fish</c>) added: the picture is about both.
    /// </summary>
    public ClipartItem MergedWith(ClipartItem copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        return this with
        {
            Keywords = Keywords.Union(copy.Keywords, StringComparer.Ordinal).ToArray(),
            Folders = Folders.Union(copy.Folders, StringComparer.Ordinal).ToArray(),
            Description = Description.Length > 0 ? Description : copy.Description,
        };
    }
}
