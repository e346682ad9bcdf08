using M6Search.Deploy.Tests.Support;

namespace M6Search.Deploy.Tests.Commands;

/// <summary>`m6 train` refuses bad shape and budget options before it reads any data, naming what was wrong.</summary>
public sealed class M6TrainTests
{
    [Theory]
    [InlineData("--image-size 100 --patch-size 16", "PatchSize must divide ImageSize (100)")]
    [InlineData("--patch-stem conv --image-size 96 --patch-size 12", "Conv needs a PatchSize that is a power of two")]
    [InlineData("--time-limit -3", "--time-limit must be a positive number of minutes, got -3")]
    public async Task TrainWithABadOption_FailsBeforeReadingData_NamingTheOption(string options, string message)
    {
        string missingData = Path.Combine(Path.GetTempPath(), $"m6-no-data-{Guid.NewGuid():N}");
        string output = Path.Combine(Path.GetTempPath(), $"m6-train-{Guid.NewGuid():N}", "model.m6model");
        string[] arguments = [M6Help.AssemblyPath, "train", "--data", missingData, "--out", output, "--config", "tiny", .. options.Split(' ')];

        try
        {
            ProcessRun run = await ProcessRun.RunAsync("dotnet", arguments, TimeSpan.FromMinutes(1));

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains(message, run.Output + run.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(output));
        }
        finally
        {
            if (Directory.Exists(Path.GetDirectoryName(output)))
            {
                Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
            }
        }
    }
}
