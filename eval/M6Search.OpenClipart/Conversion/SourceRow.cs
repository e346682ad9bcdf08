namespace M6Search.OpenClipart.Conversion;

/// <summary>
/// One line of a split's sources.jsonl: the held-out metadata of a catalog item, kept beside the catalog (never in
/// it) so that every judgment can be checked by hand.
/// </summary>
public sealed record SourceRow(string Id, string Source, string Title, bool TitleFromFileName, IReadOnlyList<string> Keywords, IReadOnlyList<string> Folders, string Description);
