namespace M6Search.Encoder.Backbone.Files;

/// <summary>
/// Finds a backbone's files and proves they are the expected ones: looks in the configured folder, then the app folder
/// (the build copies the files to <c>DnnImageModels/</c> there), then the NuGet package folder, and accepts the first
/// place where both files have the SHA-256 the <see cref="BackboneIdentity"/> names. Anything else ends in a
/// <see cref="BackboneFileException"/> listing every place and what was found. Thread-safe.
/// </summary>
public sealed class BackboneLocator
{
    private readonly BackboneLocatorOptions _options;

    public BackboneLocator(BackboneLocatorOptions? options = null)
    {
        _options = options ?? new BackboneLocatorOptions();
    }

    /// <summary>The folders searched for <paramref name="identity"/>, in order; each is laid out like the app folder.</summary>
    public IReadOnlyList<string> SearchFolders(BackboneIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var folders = new List<string>();
        if (!string.IsNullOrWhiteSpace(_options.Directory))
        {
            folders.Add(Path.GetFullPath(_options.Directory));
        }

        if (_options.SearchAppFolder)
        {
            folders.Add(Path.GetFullPath(AppContext.BaseDirectory));
        }

        if (_options.SearchPackageFolder)
        {
            folders.Add(PackageToolsFolder(identity, PackagesRoot()));
        }

        return folders.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The verified files of <paramref name="expected"/>.</summary>
    /// <exception cref="BackboneFileException">No searched folder holds both files with the expected SHA-256.</exception>
    public BackboneFiles Locate(BackboneIdentity expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var searched = new List<BackboneSearchResult>();
        foreach (var folder in SearchFolders(expected))
        {
            var network = Path.Combine(folder, expected.NetworkPath);
            var preprocess = Path.Combine(folder, expected.PreprocessPath);
            var networkFinding = Check(network, expected.NetworkSha256);
            searched.Add(new BackboneSearchResult(network, networkFinding ?? "the expected file"));
            if (networkFinding is not null)
            {
                continue;
            }

            var preprocessFinding = Check(preprocess, expected.PreprocessSha256);
            if (preprocessFinding is null)
            {
                return new BackboneFiles(expected, network, preprocess);
            }

            searched.Add(new BackboneSearchResult(preprocess, preprocessFinding));
        }

        throw new BackboneFileException(expected, searched);
    }

    /// <summary>
    /// <c>&lt;packages root&gt;/&lt;id lower-case&gt;/&lt;version&gt;/tools</c>: where NuGet puts the package's files.
    /// </summary>
    public static string PackageToolsFolder(BackboneIdentity identity, string packagesRoot)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(packagesRoot);
        return Path.GetFullPath(Path.Combine(
            packagesRoot, identity.PackageId.ToLowerInvariant(), identity.PackageVersion.ToLowerInvariant(), "tools"));
    }

    private string PackagesRoot()
    {
        if (!string.IsNullOrWhiteSpace(_options.PackagesRoot))
        {
            return _options.PackagesRoot;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    /// <summary>Null when <paramref name="path"/> has the expected hash, otherwise what was found instead.</summary>
    private static string? Check(string path, string expectedSha256)
    {
        if (!File.Exists(path))
        {
            return "not there";
        }

        string actual;
        try
        {
            actual = FileSha256.Of(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"unreadable: {ex.Message}";
        }

        return string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"SHA-256 {actual}, a different file";
    }
}
