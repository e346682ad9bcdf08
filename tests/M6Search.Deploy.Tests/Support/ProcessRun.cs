using System.Diagnostics;

namespace M6Search.Deploy.Tests.Support;

/// <summary>What a finished child process printed and returned.</summary>
public sealed record ProcessRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> to its end, reading both streams.</summary>
    /// <exception cref="OperationCanceledException">It ran longer than <paramref name="timeout"/>.</exception>
    public static async Task<ProcessRun> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        return new ProcessRun(process.ExitCode, output, await error);
    }
}
