using M6Search.Fuzzing.Targets;

namespace M6Search.Fuzzing;

/// <summary>Runs saved inputs (a corpus, or the crashes afl-fuzz found) through a target once each.</summary>
public static class Replay
{
    /// <summary>Runs every file under <paramref name="path"/>; returns 0 when all kept the contract, else 1.</summary>
    public static int Run(IFuzzTarget target, string path, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(output);
        string[] files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToArray()
            : [path];
        int failures = 0;
        foreach (string file in files)
        {
            try
            {
                target.Run(File.ReadAllBytes(file));
            }
            catch (ContractViolationException violation)
            {
                failures++;
                output.WriteLine($"{file}: {violation.Message} {violation.InnerException}");
            }
        }

        output.WriteLine($"{target.Name}: {files.Length - failures} of {files.Length} inputs kept the contract");
        return failures == 0 ? 0 : 1;
    }
}
