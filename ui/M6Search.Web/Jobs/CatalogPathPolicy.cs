using M6Search.Catalog.Images;

namespace M6Search.Web.Jobs;

/// <summary>
/// Decides whether a catalog path typed on the jobs page may be read: it must name an existing .jsonl, .json or .csv
/// file that lies, after resolving symbolic links, under one of the allowed roots. Anything else is refused with a
/// message saying why, so the page cannot be used to read arbitrary files. A job's local images are held to the same
/// folders (<see cref="Folders"/>).
/// </summary>
public sealed class CatalogPathPolicy
{
    private static readonly string[] Extensions = [".jsonl", ".json", ".csv"];
    private readonly IReadOnlyList<string> _roots;

    public CatalogPathPolicy(IEnumerable<string> roots)
    {
        Folders = new AllowedFolders(roots);
        _roots = Folders.Roots;
    }

    /// <summary>The allowed folders, absolute.</summary>
    public IReadOnlyList<string> Roots => _roots;

    /// <summary>The allowed folders; a job's local images must lie in them too.</summary>
    public AllowedFolders Folders { get; }

    /// <summary>The absolute, link-free path of an allowed catalog, or the reason it is refused.</summary>
    public (string? Path, string? Error) Resolve(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return (null, "Enter the path of a catalog file.");
        }

        if (input.Length > 1024 || input.Any(char.IsControl))
        {
            return (null, "The path is too long or holds control characters.");
        }

        string full;
        try
        {
            // Relative paths are taken relative to the first root, not the server's working folder.
            full = Path.GetFullPath(input.Trim(), _roots[0]);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return (null, $"'{input}' is not a valid path.");
        }

        if (!Extensions.Contains(Path.GetExtension(full), StringComparer.OrdinalIgnoreCase))
        {
            return (null, $"'{input}' is not a catalog: use a .jsonl, .json or .csv file.");
        }

        string real = AllowedFolders.RealPath(full);
        if (!Folders.Contains(real))
        {
            return (null, $"'{input}' is outside the allowed catalog folders ({string.Join(", ", _roots)}); see M6:Jobs:CatalogRoots.");
        }

        if (!File.Exists(real))
        {
            return (null, $"'{input}' does not exist.");
        }

        return (real, null);
    }
}
