using System.Text;
using System.Text.RegularExpressions;
using M6Search.Deploy.Tests.Support;

namespace M6Search.Deploy.Tests.Commands;

/// <summary>
/// Finds `m6 COMMAND --option value ...` in deploy files: in YAML, Dockerfiles and env files outside comments, in
/// Markdown only inside code fences (and outside comment lines there too) (prose and comments may say "m6 index" without meaning a command line). Shell line
/// continuations are joined; a command ends at a line end, ;, &amp;&amp;, || or |.
/// </summary>
public static partial class M6InvocationScanner
{
    /// <summary>Commands whose first word is followed by a sub-command word.</summary>
    private static readonly string[] Groups = ["store", "catalog", "bench"];

    public static IReadOnlyList<M6Invocation> ScanDeployFolder() =>
        RepositoryLayout.DeployFiles().SelectMany(ScanFile).ToList();

    public static IEnumerable<M6Invocation> ScanFile(string path)
    {
        string name = RepositoryLayout.Relative(path);
        bool markdown = path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        bool inFence = false;
        string[] lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            if (markdown && lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            // Shell and YAML comments, in files and in Markdown code fences alike, are prose ("# m6 published with ...").
            if ((markdown && !inFence) || lines[i].TrimStart().StartsWith('#'))
            {
                continue;
            }

            // Join shell continuations: "... \" at the end of a line goes on with the next line.
            int first = i;
            var logical = new StringBuilder(lines[i]);
            while (logical.Length > 0 && logical[^1] == '\\' && i + 1 < lines.Length)
            {
                logical.Length--;
                logical.Append(' ').Append(lines[++i].Trim());
            }

            foreach (M6Invocation invocation in ScanText(name, first + 1, logical.ToString()))
            {
                yield return invocation;
            }
        }
    }

    /// <summary>The invocations in one logical line.</summary>
    public static IEnumerable<M6Invocation> ScanText(string file, int line, string text)
    {
        foreach (Match match in Start().Matches(text))
        {
            string rest = text[(match.Index + match.Length)..];
            List<string> tokens = Tokenize(rest);
            if (tokens.Count == 0 || tokens[0].StartsWith('-'))
            {
                continue;
            }

            int commandWords = Groups.Contains(tokens[0]) && tokens.Count > 1 && !tokens[1].StartsWith('-') ? 2 : 1;
            string command = string.Join(' ', tokens.Take(commandWords));
            List<string> arguments = tokens.Skip(commandWords).ToList();
            List<string> options = arguments
                .Where(token => token.StartsWith("--", StringComparison.Ordinal))
                .Select(token => token.Split('=')[0])
                .ToList();
            yield return new M6Invocation(file, line, command, options, arguments);
        }
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        char quote = '\0';
        bool inToken = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                inToken = true;
                continue;
            }

            if (c is ';' or '|' or '&' or '#' or '`' or ')' or '\n')
            {
                break;
            }

            if (char.IsWhiteSpace(c))
            {
                if (inToken)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    inToken = false;
                }

                continue;
            }

            current.Append(c);
            inToken = true;
        }

        if (inToken)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    // "m6" as a program name: at a word start, not part of a path or another name (m6search/web, M6__, m6.dll).
    [GeneratedRegex(@"(?<![A-Za-z0-9_./:-])m6[ \t]+")]
    private static partial Regex Start();
}
