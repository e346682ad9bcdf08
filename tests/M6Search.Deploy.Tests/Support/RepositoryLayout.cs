namespace M6Search.Deploy.Tests.Support;

/// <summary>Where the repository and its deploy/ folder are, found from the test assembly's folder upwards.</summary>
public static class RepositoryLayout
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the first folder upwards that holds M6Search.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The deploy/ folder.</summary>
    public static string Deploy => Path.Combine(Root, "deploy");

    /// <summary>A path under the repository root, from forward-slash segments.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A path relative to the repository root with forward slashes, for messages.</summary>
    public static string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>Every file under deploy/, in a stable order.</summary>
    public static IReadOnlyList<string> DeployFiles() =>
        Directory.EnumerateFiles(Deploy, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    private static string FindRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "M6Search.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"M6Search.sln was not found above {AppContext.BaseDirectory}.");
    }
}
