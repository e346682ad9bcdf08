using M6Search.Fuzzing;
using M6Search.Fuzzing.Targets;
using SharpFuzz;

// m6fuzz TARGET              run TARGET under afl-fuzz (SharpFuzz persistent mode; fuzz/run-afl.sh, docs/fuzzing.md)
// m6fuzz replay TARGET PATH  run every file in PATH (a file or a folder) through TARGET once and report violations
// m6fuzz list                the targets
if (args is ["list"])
{
    foreach (string name in FuzzTargets.Names)
    {
        Console.WriteLine(name);
    }

    return 0;
}

if (args is ["replay", string replayed, string path] && FuzzTargets.Exists(replayed))
{
    return Replay.Run(FuzzTargets.Create(replayed), path, Console.Out);
}

if (args is [string fuzzed] && FuzzTargets.Exists(fuzzed))
{
    IFuzzTarget? target = null;
    Fuzzer.Run(stream =>
    {
        target ??= FuzzTargets.Create(fuzzed);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target.Run(buffer.ToArray());
    });
    return 0;
}

Console.Error.WriteLine($"usage: m6fuzz TARGET | m6fuzz replay TARGET PATH | m6fuzz list (targets: {string.Join(", ", FuzzTargets.Names)})");
return 2;
