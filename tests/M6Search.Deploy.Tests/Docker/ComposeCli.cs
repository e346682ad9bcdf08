using System.Diagnostics;

namespace M6Search.Deploy.Tests.Docker;

/// <summary>
/// Runs the compose command line: `docker compose` (the v2 plugin) when present, else `docker-compose` (v1, Debian's
/// docker-compose package). Neither needs a Docker engine for `config`.
/// </summary>
public sealed class ComposeCli
{
    private readonly string _program;
    private readonly string[] _prefix;

    private ComposeCli(string program, string[] prefix, string description)
    {
        _program = program;
        _prefix = prefix;
        Description = description;
    }

    /// <summary>What was found, for messages ("docker compose" or "docker-compose").</summary>
    public string Description { get; }

    /// <summary>The compose CLI on this machine, or null with the reason when there is none.</summary>
    public static ComposeCli? Find(out string reason)
    {
        if (Run("docker", ["compose", "version"], null, out _).ExitCode == 0)
        {
            reason = string.Empty;
            return new ComposeCli("docker", ["compose"], "docker compose");
        }

        if (Run("docker-compose", ["version"], null, out _).ExitCode == 0)
        {
            reason = string.Empty;
            return new ComposeCli("docker-compose", [], "docker-compose");
        }

        reason = "neither `docker compose` (the Compose v2 plugin) nor `docker-compose` is installed on this machine; "
            + "install one (Debian: apt-get install docker-compose) to validate deploy/compose/docker-compose.yml.";
        return null;
    }

    /// <summary>Runs compose with the arguments and environment overrides (null value: variable removed).</summary>
    public (int ExitCode, string Output) Execute(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        (int exitCode, string output) = Run(_program, _prefix.Concat(arguments), environment, out _);
        return (exitCode, output);
    }

    private static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, out bool started)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Support.RepositoryLayout.Root,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        try
        {
            using Process process = Process.Start(start)!;
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                started = true;
                return (-1, "timed out after 2 minutes");
            }

            started = true;
            return (process.ExitCode, output + error.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            started = false;
            return (-1, ex.Message);
        }
    }
}
