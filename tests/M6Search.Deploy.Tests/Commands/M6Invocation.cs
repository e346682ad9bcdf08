namespace M6Search.Deploy.Tests.Commands;

/// <summary>One `m6 ...` command line found in a deploy file: the command ("index", "store stats") and its options.</summary>
public sealed record M6Invocation(string File, int Line, string Command, IReadOnlyList<string> Options, IReadOnlyList<string> Tokens)
{
    /// <summary>The value after an option (the next token), or null when the option is absent or last.</summary>
    public string? ValueOf(string option)
    {
        int index = Tokens.ToList().IndexOf(option);
        return index >= 0 && index + 1 < Tokens.Count ? Tokens[index + 1] : null;
    }

    public override string ToString() => $"{File}:{Line}: m6 {Command} {string.Join(' ', Options)}";
}
