namespace M6Search.Fuzzing.Targets;

/// <summary>
/// One fuzzed entry point and its contract. <see cref="Run"/> feeds it arbitrary bytes and returns normally when the
/// code under test behaved as documented (including rejecting the bytes in the documented way); anything else (an
/// undocumented exception type, an error without its file and line, a result that breaks an invariant) escapes as an
/// exception, which the fuzzer records as a crash and the corpus test reports as a failure.
/// </summary>
public interface IFuzzTarget
{
    /// <summary>The name used on the command line and as the corpus folder under <c>fuzz/corpus/</c>.</summary>
    string Name { get; }

    /// <summary>Runs one input through the code under test and checks its contract.</summary>
    void Run(byte[] input);
}
