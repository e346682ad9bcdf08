using System.Diagnostics;
using System.Text.Json;
using M6Search.OpenClipart.Tests.Support;

namespace M6Search.OpenClipart.Tests.Script;

/// <summary>
/// eval/real-catalog.sh end to end on the 20 fixture items (Fixtures/README.md): the same script and converter as the
/// real 8,121-item run, with small query thresholds and two training steps, so it takes seconds.
/// </summary>
public class RealCatalogScriptTests
{
    private static readonly string Script = Path.Combine(Paths.Root, "eval", "real-catalog.sh");

    [Fact]
    public async Task TheScript_IsValidBash()
    {
        (int exitCode, string output) = await Bash(TimeSpan.FromSeconds(30), "-n", Script);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task TheScript_RefusesAnUnknownOption_WithItsName()
    {
        (int exitCode, string output) = await Bash(TimeSpan.FromSeconds(30), Script, "--stepz", "3");

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown option '--stepz'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScript_ConvertsTrainsAndEvaluates_TheFixturePackages()
    {
        using var work = new TempFolder();

        (int exitCode, string output) = await Bash(
            TimeSpan.FromMinutes(5),
            Script, "--from", Paths.FixturePackages, "--work", work.Path, "--name", "smoke", "--minutes", "2", "--steps", "2",
            "--batch", "4", "--warmup", "1", "--splits", "test",
            "--convert-args", "--seed 1 --test-fraction 0.35 --validation-fraction 0.25 --min-relevant 2 --max-relevant-share 1 --min-hidden 1");

        Assert.True(exitCode == 0, output);
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(work.File("catalog/summary.json")));
        Assert.Equal(20, summary.RootElement.GetProperty("svgFiles").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("duplicatePictures").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("seriesDropped").GetInt32());
        Assert.Equal(18, new[] { "trainItems", "validationItems", "testItems" }.Sum(p => summary.RootElement.GetProperty(p).GetInt32()));

        // The test catalog carries the title only: keywords, folders and descriptions stay in sources.jsonl.
        foreach (string line in File.ReadAllLines(work.File("catalog/test/catalog.jsonl")))
        {
            using JsonDocument row = JsonDocument.Parse(line);
            Assert.Equal(["id", "title", "image", "lang"], row.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.True(File.Exists(work.File("catalog/test/" + row.RootElement.GetProperty("image").GetString())));
        }

        Assert.NotEmpty(File.ReadAllLines(work.File("catalog/test/queries.jsonl")));
        Assert.True(File.Exists(work.File("models/smoke.m6model")));
        Assert.Equal(1 + 2, File.ReadAllLines(work.File("reports/smoke.trained.metrics.csv")).Length);
        foreach (string label in new[] { "smoke.out-of-box", "smoke.trained" })
        {
            using JsonDocument report = JsonDocument.Parse(File.ReadAllText(work.File($"reports/{label}.test.json")));
            var modes = report.RootElement.GetProperty("rows").EnumerateArray()
                .Where(r => r.GetProperty("lang").GetString() == "all")
                .Select(r => r.GetProperty("mode").GetString()!)
                .ToArray();
            Assert.Equal(["title", "image", "text", "hybrid"], modes);
        }
    }

    private static async Task<(int ExitCode, string Output)> Bash(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["M6"] = "dotnet " + Paths.M6;
        start.Environment["M6_OPENCLIPART"] = "dotnet " + Paths.OpenClipart;
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        return (process.ExitCode, output + await error);
    }
}
