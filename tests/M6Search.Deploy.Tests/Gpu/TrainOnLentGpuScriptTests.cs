using M6Search.Deploy.Tests.Commands;
using M6Search.Deploy.Tests.Support;

namespace M6Search.Deploy.Tests.Gpu;

/// <summary>
/// deploy/gpu/train-on-lent-gpu.sh runs where nothing can be fixed mid-call (a lent GPU machine), so what can be checked
/// without one is checked here: it parses, it refuses a missing mode, and its m6 command lines are found by the scanner
/// (so DeployedM6Commands_UseOnlyOptionsThatTheBuiltM6Accepts checks their options against the built m6).
/// </summary>
public sealed class TrainOnLentGpuScriptTests
{
    private static readonly string Script = Path.Combine(RepositoryLayout.Root, "deploy", "gpu", "train-on-lent-gpu.sh");

    [Fact]
    public async Task TheScript_IsValidBash()
    {
        (int exitCode, string output) = await Bash("-n", Script);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task TheScript_WithoutAMode_PrintsItsUsage_AndFails()
    {
        (int exitCode, string output) = await Bash(Script);

        Assert.Equal(2, exitCode);
        Assert.Contains("usage:", output, StringComparison.Ordinal);
        Assert.Contains("pack | run | join DIR DEST", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheScriptsM6CommandLines_AreSeenByTheOptionCheck()
    {
        var invocations = M6InvocationScanner.ScanFile(Script).ToList();

        Assert.Equal(["synth", "synth", "synth", "train", "eval"], invocations.Select(i => i.Command));
        Assert.Contains("--time-limit", invocations.Single(i => i.Command == "train").Options);
        Assert.Contains("--device", invocations.Single(i => i.Command == "eval").Options);
    }

    private static async Task<(int ExitCode, string Output)> Bash(params string[] arguments)
    {
        ProcessRun run = await ProcessRun.RunAsync("bash", arguments, TimeSpan.FromSeconds(30));
        return (run.ExitCode, run.Output + run.Error);
    }
}
