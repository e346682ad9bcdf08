namespace M6Search.Catalog.Images;

/// <summary>
/// Folders a reader may open files under, checked on the real path: every symbolic link along a path is resolved
/// first, so neither <c>../</c>, an absolute path elsewhere, nor a link pointing out of a folder gets past. Used for the
/// web app's job catalogs and their local images.
/// </summary>
public sealed class AllowedFolders
{
    private readonly IReadOnlyList<string> _roots;

    public AllowedFolders(IEnumerable<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        _roots = roots.Select(r => Path.TrimEndingDirectorySeparator(RealPath(Path.GetFullPath(r)))).Distinct(StringComparer.Ordinal).ToList();
        if (_roots.Count == 0)
        {
            throw new ArgumentException("At least one allowed folder is required.", nameof(roots));
        }
    }

    /// <summary>The folders, absolute and link-free.</summary>
    public IReadOnlyList<string> Roots => _roots;

    /// <summary>Whether <paramref name="path"/> (absolute) lies inside one of the folders once its links are resolved.</summary>
    public bool Contains(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string real = RealPath(Path.GetFullPath(path));
        return _roots.Any(root => real.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    /// <summary>The path with every symbolic link along it resolved (as far as it exists).</summary>
    public static string RealPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
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
        if (parent is null)
        {
            return existing;
        }

        string candidate = Path.Combine(ResolveAll(parent), Path.GetFileName(existing));
        FileSystemInfo info = Directory.Exists(candidate) ? new DirectoryInfo(candidate) : new FileInfo(candidate);
        if (info.LinkTarget is null)
        {
            return candidate;
        }

        FileSystemInfo? target = info.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? candidate : ResolveAll(Path.GetFullPath(target.FullName));
    }
}
