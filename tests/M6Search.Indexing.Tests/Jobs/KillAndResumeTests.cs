using System.Diagnostics;
using System.Text.Json;
using M6Search.Indexing.Tests.Support;

namespace M6Search.Indexing.Tests.Jobs;

/// <summary>
/// Runs <c>m6 index</c> as a child process, kills it (SIGKILL) in the middle of the job, runs the same command again,
/// and compares the store point by point with an uninterrupted run.
/// </summary>
public sealed class KillAndResumeTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Index_LeavesTheStoreExactlyAsAnUninterruptedRun_WhenKilledMidwayAndRunAgain()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 200);
        catalog.PlantProblems();
        string model = _temp.Combine("micro.m6model");
        MicroModel.Save(model);

        (int referenceExit, string referenceOutput) = await M6Process.RunAsync(Arguments(catalog, model, "reference"), Timeout);
        Assert.True(referenceExit == 2, $"expected exit 2 (completed with rejects), got {referenceExit}: {referenceOutput}");

        for (int cycle = 0; cycle < 2; cycle++)
        {
            await RunAndKillAsync(Arguments(catalog, model, "killed"), _temp.Combine("killed", $"events-{cycle}.jsonl"), killAfterIndexed: 6 + (cycle * 24));
        }

        (int exitCode, string output) = await M6Process.RunAsync(Arguments(catalog, model, "killed"), Timeout);
        Assert.True(exitCode == 2, $"expected exit 2, got {exitCode}: {output}");
        string reportJson = File.ReadAllText(_temp.Combine("killed", "state", "report.json"));
        using JsonDocument report = JsonDocument.Parse(reportJson);
        Assert.True(report.RootElement.GetProperty("resumedInterruptedRun").GetBoolean(), reportJson + "\n" + string.Join("\n", KillLog));
        long encodedOnResume = report.RootElement.GetProperty("counts").GetProperty("encoded").GetInt64();
        Assert.InRange(encodedOnResume, 0, catalog.GoodIds.Count - 7);

        StoreComparison.AssertSame(
            await StoreComparison.ReadAllAsync(_temp.Combine("reference", "data")),
            await StoreComparison.ReadAllAsync(_temp.Combine("killed", "data")));

        // A further run changes nothing.
        (exitCode, output) = await M6Process.RunAsync(Arguments(catalog, model, "killed"), Timeout);
        Assert.True(exitCode == 2, output);
        using JsonDocument again = JsonDocument.Parse(File.ReadAllText(_temp.Combine("killed", "state", "report.json")));
        Assert.Equal(0, again.RootElement.GetProperty("counts").GetProperty("indexed").GetInt64());
    }

    private string[] Arguments(TestCatalog catalog, string model, string name) =>
    [
        "index",
        "--catalog", catalog.CatalogPath,
        "--model", model,
        "--device", "cpu",
        "--store", "embedded:" + _temp.Combine(name, "data"),
        "--state-dir", _temp.Combine(name, "state"),
        "--batch", "2",
        "--threads", "2",
        "--full",
        "--progress-interval", "0.02",
        "--events", _temp.Combine(name, "events.jsonl"),
    ];

    private List<string> KillLog { get; } = [];

    private async Task RunAndKillAsync(string[] arguments, string eventsCopy, int killAfterIndexed)
    {
        string events = arguments[Array.IndexOf(arguments, "--events") + 1];
        if (File.Exists(events))
        {
            File.Delete(events);
        }
        using Process process = M6Process.Start(arguments);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (IndexedSoFar(events) < killAfterIndexed)
        {
            Assert.False(process.HasExited, $"m6 ended (exit {(process.HasExited ? process.ExitCode : 0)}) before {killAfterIndexed} products were indexed");
            Assert.True(clock.Elapsed < Timeout, "m6 made no progress");
            await Task.Delay(10);
        }

        Assert.False(process.HasExited, "m6 finished before it could be killed; the test would prove nothing");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        string state = File.ReadAllText(Path.Combine(Path.GetDirectoryName(events)!, "state", "state.json"));
        KillLog.Add($"killed after {IndexedSoFar(events)} indexed; state: {state}");
        Assert.DoesNotContain("\"phase\": \"finished\"", state, StringComparison.Ordinal);
        File.Copy(events, eventsCopy, overwrite: true);
    }

    private static long IndexedSoFar(string events)
    {
        if (!File.Exists(events))
        {
            return 0;
        }

        long indexed = 0;
        using var stream = new FileStream(events, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(line);
                if (document.RootElement.TryGetProperty("progress", out JsonElement progress))
                {
                    indexed = Math.Max(indexed, progress.GetProperty("counts").GetProperty("indexed").GetInt64());
                }
            }
            catch (JsonException)
            {
                // A line still being written.
            }
        }

        return indexed;
    }
}
