using System.Text.RegularExpressions;
using M6Search.Deploy.Tests.Support;

namespace M6Search.Deploy.Tests.Configuration;

/// <summary>
/// Finds the app's configuration keys in text: environment variable names (<c>M6__Qdrant__Url</c>) and colon paths
/// (<c>M6:Qdrant:Url</c>). Only the upper-case prefix "M6" counts, so "m6 index" and "m6: error" are not keys.
/// </summary>
public static partial class ConfigurationKeyScanner
{
    /// <summary>Every key in every text file under deploy/.</summary>
    public static IReadOnlyList<ConfigurationKeyReference> ScanDeployFolder() =>
        RepositoryLayout.DeployFiles().SelectMany(ScanFile).ToList();

    /// <summary>Every key in one file.</summary>
    public static IEnumerable<ConfigurationKeyReference> ScanFile(string path)
    {
        string name = RepositoryLayout.Relative(path);
        string[] lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            foreach (ConfigurationKeyReference reference in ScanLine(name, i + 1, lines[i]))
            {
                yield return reference;
            }
        }
    }

    /// <summary>The keys in one line of text.</summary>
    public static IEnumerable<ConfigurationKeyReference> ScanLine(string file, int line, string text)
    {
        foreach (Match match in EnvironmentKey().Matches(text))
        {
            yield return new ConfigurationKeyReference(file, line, match.Value, match.Value.Replace("__", ":", StringComparison.Ordinal));
        }

        foreach (Match match in ColonKey().Matches(text))
        {
            yield return new ConfigurationKeyReference(file, line, match.Value, match.Value);
        }
    }

    /// <summary>True for an environment variable name that the configuration binds under the "M6" section.</summary>
    public static bool IsAppVariable(string name) => name.StartsWith("M6__", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<![A-Za-z0-9_])M6(?:__[A-Za-z0-9]+)+(?![A-Za-z0-9])")]
    private static partial Regex EnvironmentKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_:])M6(?::[A-Za-z0-9]+)+(?![A-Za-z0-9])")]
    private static partial Regex ColonKey();
}
