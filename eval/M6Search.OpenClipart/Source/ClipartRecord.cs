namespace M6Search.OpenClipart.Source;

/// <summary>
/// One clip-art item as the package ships it: the SVG's RDF metadata (as written by its author) and where its files are.
/// Nothing is cleaned yet.
/// </summary>
/// <param name="RelativePath">The SVG's path under the package's svg folder without extension, with '/' separators
/// (for example <c>animals/mammals/dogs/bored_dog_01</c>); its folders are the library's category path.</param>
/// <param name="SvgPath">The SVG file.</param>
/// <param name="PngPath">The package's rendering of it, or null when the png package lacks it.</param>
/// <param name="Title">dc:title of the work; empty when missing.</param>
/// <param name="Description">dc:description of the work; empty when missing.</param>
/// <param name="Keywords">The rdf:li items of dc:subject, as written.</param>
/// <param name="Creator">dc:creator's agent title; empty when missing.</param>
public sealed record ClipartRecord(
    string RelativePath,
    string SvgPath,
    string? PngPath,
    string Title,
    string Description,
    IReadOnlyList<string> Keywords,
    string Creator)
{
    /// <summary>The category folders of the item (<c>animals</c>, <c>mammals</c>, <c>dogs</c>).</summary>
    public IReadOnlyList<string> Folders =>
        RelativePath.Split('/') is { Length: > 1 } parts ? parts[..^1] : [];

    /// <summary>The file name without extension (<c>bored_dog_01</c>).</summary>
    public string FileStem => RelativePath[(RelativePath.LastIndexOf('/') + 1)..];
}
