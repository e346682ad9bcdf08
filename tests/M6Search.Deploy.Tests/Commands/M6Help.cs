using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace M6Search.Deploy.Tests.Commands;

/// <summary>Asks the built `m6` (indexer/M6Search.Indexer, built before these tests) which options a command knows.</summary>
public static partial class M6Help
{
    /// <summary>The path of m6.dll that the test project's build points at.</summary>
    public static string AssemblyPath => typeof(M6Help).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "M6Assembly").Value!;

    /// <summary>
    /// The options (--name) that `m6 COMMAND --help` lists, or null when m6 has no such command (its help then shows
    /// the parent's usage instead).
    /// </summary>
    public static IReadOnlySet<string>? OptionsOf(string command)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (string word in command.Split(' '))
        {
            start.ArgumentList.Add(word);
        }

        start.ArgumentList.Add("--help");
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet.");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"m6 {command} --help did not finish in 2 minutes.");
        }

        if (!output.Contains($"m6 {command} ", StringComparison.Ordinal) && !output.Contains($"m6 {command}\n", StringComparison.Ordinal))
        {
            return null;
        }

        int optionsAt = output.IndexOf("Options:", StringComparison.Ordinal);
        if (optionsAt < 0)
        {
            throw new InvalidOperationException($"m6 {command} --help printed no Options section:\n{output}{error.Result}");
        }

        return OptionName().Matches(output[optionsAt..]).Select(match => match.Value).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9-])--[a-z][a-z0-9-]*")]
    private static partial Regex OptionName();
}
