namespace M6Search.Encoder.Serialization;

/// <summary>
/// Finds the shipped model (<see cref="DefaultRelativePath"/>) for programs started without a model setting: the app's
/// base directory and its parents (so <c>dotnet run</c> from the repository finds <c>models/</c>), then the current
/// directory and its parents.
/// </summary>
public static class ShippedModel
{
    /// <summary>Where the shipped model lives, relative to the repository root or the app's base directory.</summary>
    public const string DefaultRelativePath = "models/m6-tiny.m6model";

    /// <summary>The places looked at, in order.</summary>
    public static IReadOnlyList<string> Candidates()
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

    /// <summary>
    /// <paramref name="requested"/> when given, otherwise the first candidate that exists. <paramref name="settingName"/>
    /// (such as <c>M6:ModelPath</c> or <c>--model</c>) names the setting in the error.
    /// </summary>
    /// <exception cref="FileNotFoundException">The requested file, or every candidate, does not exist.</exception>
    public static string Resolve(string? requested, string settingName)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            string full = Path.GetFullPath(requested);
            return File.Exists(full) ? full : throw new FileNotFoundException($"model file not found: {full} (from {settingName}).", full);
        }

        return Candidates().FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
            $"no model file: {settingName} is not set and {DefaultRelativePath} was not found in the app's folder " +
            $"({AppContext.BaseDirectory}), the current folder or their parents. Set {settingName}.");
    }
}
