namespace M6Search.Web.Jobs;

/// <summary>
/// Decides whether a catalog path typed on the jobs page may be read: it must name an existing .jsonl, .json or .csv
/// file that lies, after resolving symbolic links, under one of the allowed roots. Anything else is refused with a
/// message saying why, so the page cannot be used to read arbitrary files.
/// </summary>
public sealed class CatalogPathPolicy
{
    private static readonly string[] Extensions = [".jsonl", ".json", ".csv"];
    private readonly IReadOnlyList<string> _roots;

    public CatalogPathPolicy(IEnumerable<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        _roots = roots.Select(r => Path.TrimEndingDirectorySeparator(RealPath(Path.GetFullPath(r)))).Distinct(StringComparer.Ordinal).ToList();
        if (_roots.Count == 0)
        {
            throw new ArgumentException("At least one catalog root is required.", nameof(roots));
        }
    }

    /// <summary>The allowed folders, absolute.</summary>
    public IReadOnlyList<string> Roots => _roots;

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

        string real = RealPath(full);
        if (!_roots.Any(root => IsUnder(real, root)))
        {
            return (null, $"'{input}' is outside the allowed catalog folders ({string.Join(", ", _roots)}); see M6:Jobs:CatalogRoots.");
        }

        if (!File.Exists(real))
        {
            return (null, $"'{input}' does not exist.");
        }

        return (real, null);
    }

    private static bool IsUnder(string path, string root) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link along it resolved (as far as it exists).</summary>
    private static string RealPath(string path)
    {
        string? existing = path;
        var rest = new Stack<string>();
        while (existing is not null && !File.Exists(existing) && !Directory.Exists(existing))
        {
            rest.Push(Path.GetFileName(existing));
            existing = Path.GetDirectoryName(existing);
        }

        if (existing is null)
        {
            return path;
        }

        string resolved = ResolveAll(existing);
        while (rest.Count > 0)
        {
            resolved = Path.Combine(resolved, rest.Pop());
        }

        return resolved;
    }

    private static string ResolveAll(string existing)
    {
        string? parent = Path.GetDirectoryName(existing);
        string resolvedParent = parent is null ? existing : ResolveAll(parent);
        if (parent is null)
        {
            return existing;
        }

        string candidate = Path.Combine(resolvedParent, Path.GetFileName(existing));
        FileSystemInfo info = Directory.Exists(candidate) ? new DirectoryInfo(candidate) : new FileInfo(candidate);
        if (info.LinkTarget is null)
        {
            return candidate;
        }

        FileSystemInfo? target = info.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? candidate : ResolveAll(Path.GetFullPath(target.FullName));
    }
}
