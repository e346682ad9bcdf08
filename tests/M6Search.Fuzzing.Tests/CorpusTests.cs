using M6Search.Fuzzing.Targets;

namespace M6Search.Fuzzing.Tests;

/// <summary>
/// Runs every committed fuzz input once through its target, without a fuzzer: the seeds, what afl-fuzz kept as
/// interesting, and every input that once broke a reader's or the decoder's contract (docs/fuzzing.md).
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Targets() => new(FuzzTargets.Names);

    [Theory]
    [MemberData(nameof(Targets))]
    public void EveryCorpusInput_KeepsTheTargetsContract(string target)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "corpus", target);
        string[] inputs = Directory.GetFiles(folder);
        Assert.NotEmpty(inputs);
        IFuzzTarget fuzzTarget = FuzzTargets.Create(target);
        var broken = new List<string>();
        foreach (string input in inputs)
        {
            try
            {
                fuzzTarget.Run(File.ReadAllBytes(input));
            }
            catch (ContractViolationException violation)
            {
                broken.Add($"{Path.GetFileName(input)}: {violation.Message} {violation.InnerException?.GetType().Name}");
            }
        }

        Assert.Empty(broken);
    }
}
