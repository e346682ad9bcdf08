using System.Globalization;
using System.Text.RegularExpressions;
using M6Search.Deploy.Tests.Support;

namespace M6Search.Deploy.Tests.Commands;

public sealed partial class M6InfoTests
{
    [Fact]
    public async Task InfoWithAModel_DescribesTheFile_AndEachMoeLayersRouterAgainstItsInitialisation()
    {
        string model = Path.Combine(RepositoryLayout.Root, "models", "m6-tiny.m6model");
        ProcessRun run = await ProcessRun.RunAsync("dotnet", [M6Help.AssemblyPath, "info", "--device", "cpu", "--model", model], TimeSpan.FromMinutes(2));
        string output = run.Output;
        Assert.True(run.ExitCode == 0, $"m6 info exited {run.ExitCode}:\n{output}{run.Error}");

        Assert.Contains("config tiny-resnet18-s4-c4x2-128px (4 layers, d 128, 8 experts", output, StringComparison.Ordinal);
        Assert.Contains("128 px through resnet18 (Microsoft.ML.DnnImageFeaturizer.ResNet18 0.24.0", output, StringComparison.Ordinal);
        Assert.Contains("stage 4 (4x4 tokens of 512 channels) and 4x4 colour tokens of 2x2 pixels; backbone weights trained: none", output, StringComparison.Ordinal);
        // tiny has MoE feed-forwards in layers 1 and 3; each line gives the std and 8 row norms, all positive and finite.
        var routers = RouterLine().Matches(output);
        Assert.Equal(["1", "3"], routers.Select(m => m.Groups["layer"].Value));
        foreach (Match router in routers)
        {
            double std = double.Parse(router.Groups["std"].Value, CultureInfo.InvariantCulture);
            double init = double.Parse(router.Groups["init"].Value, CultureInfo.InvariantCulture);
            Assert.InRange(std, 1e-4, 1.0);
            Assert.Equal(Math.Sqrt(0.1 / 128) * 0.8796, init, 3);
            Assert.Equal(8, router.Groups["norms"].Value.Split(' ').Length);
        }
    }

    [GeneratedRegex(@"router of layer (?<layer>\d+): weight std (?<std>[0-9.]+) \(initialisation (?<init>[0-9.]+)\), per-expert row norms (?<norms>[0-9. ]+?) \(")]
    private static partial Regex RouterLine();
}
