namespace M6Search.Indexer.Composition;

/// <summary>Finds the shipped model when no <c>--model</c> is given.</summary>
public static class ModelLocator
{
    /// <summary>Where the shipped model lives, relative to the repository root or the app's base directory.</summary>
    public const string DefaultRelativePath = "models/m6-tiny.m6model";

    /// <summary>
    /// The places looked at, in order: the app's base directory and each of its parents (so that <c>dotnet run</c> from
    /// the repository finds the repository's <c>models/</c>), then the current directory and each of its parents.
    /// </summary>
    public static IReadOnlyList<string> DefaultCandidates()
    {
        var candidates = new List<string>();
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? folder = new(start); folder is not null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, DefaultRelativePath);
                if (!candidates.Contains(candidate, StringComparer.Ordinal))
                {
                    candidates.Add(candidate);
                }
            }
        }

        return candidates;
    }

    /// <summary>The model file to use: <paramref name="requested"/> when given, otherwise the first default that exists.</summary>
    /// <exception cref="FileNotFoundException">The requested file, or every default, does not exist.</exception>
    public static string Resolve(string? requested)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            string full = Path.GetFullPath(requested);
            return File.Exists(full)
                ? full
                : throw new FileNotFoundException($"model file not found: {full} (from --model).", full);
        }

        IReadOnlyList<string> candidates = DefaultCandidates();
        return candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
            $"no model file: --model was not given and {DefaultRelativePath} was not found in the app's folder " +
            $"({AppContext.BaseDirectory}), the current folder or their parents. Pass --model FILE, or use --modes title, " +
            "which needs no model.");
    }
}
