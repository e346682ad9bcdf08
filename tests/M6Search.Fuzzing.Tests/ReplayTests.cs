using M6Search.Fuzzing.Targets;

namespace M6Search.Fuzzing.Tests;

public sealed class ReplayTests
{
    [Fact]
    public void Replay_FailsAndNamesTheInput_WhenAnInputBreaksTheContract()
    {
        string folder = Path.Combine(Path.GetTempPath(), "m6fuzz-replay-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "good"), [1]);
            File.WriteAllBytes(Path.Combine(folder, "bad"), [2]);
            var output = new StringWriter();

            int exitCode = Replay.Run(new RejectsTwos(), folder, output);

            Assert.Equal(1, exitCode);
            Assert.Contains(Path.Combine(folder, "bad") + ": twos: a two", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("twos: 1 of 2 inputs kept the contract", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class RejectsTwos : IFuzzTarget
    {
        public string Name => "twos";

        public void Run(byte[] input)
        {
            if (input.Contains((byte)2))
            {
                throw new ContractViolationException(Name, "a two");
            }
        }
    }
}
