namespace M6Search.OpenClipart.Source;

/// <summary>The author-written fields of an SVG's RDF metadata, as written.</summary>
public sealed record SvgMetadata(string Title, string Description, IReadOnlyList<string> Keywords, string Creator)
{
    public static SvgMetadata Empty { get; } = new("", "", [], "");
}
