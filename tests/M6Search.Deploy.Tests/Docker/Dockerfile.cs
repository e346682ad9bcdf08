namespace M6Search.Deploy.Tests.Docker;

/// <summary>
/// A Dockerfile split into stages, with continuation lines joined and comments dropped. Enough to check base images,
/// users and copies; not a full parser (heredocs are not understood).
/// </summary>
public sealed class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<(string Keyword, string Arguments)> global, IReadOnlyList<DockerfileStage> stages)
    {
        Path = path;
        GlobalArgs = global;
        Stages = stages;
    }

    public string Path { get; }

    /// <summary>Instructions before the first FROM (ARG lines).</summary>
    public IReadOnlyList<(string Keyword, string Arguments)> GlobalArgs { get; }

    public IReadOnlyList<DockerfileStage> Stages { get; }

    /// <summary>The stage that becomes the image: the last one.</summary>
    public DockerfileStage Final => Stages[^1];

    /// <summary>Every Dockerfile under deploy/docker.</summary>
    public static IReadOnlyList<string> Files() => Directory
        .EnumerateFiles(Support.RepositoryLayout.PathOf("deploy/docker"), "*.Dockerfile")
        .Order(StringComparer.Ordinal)
        .ToList();

    public static Dockerfile Load(string path)
    {
        var instructions = new List<(string Keyword, string Arguments)>();
        string pending = string.Empty;
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            string full = (pending + line).Trim();
            pending = string.Empty;
            int space = full.IndexOf(' ', StringComparison.Ordinal);
            instructions.Add(space < 0
                ? (full.ToUpperInvariant(), string.Empty)
                : (full[..space].ToUpperInvariant(), full[(space + 1)..].Trim()));
        }

        var global = new List<(string Keyword, string Arguments)>();
        var stages = new List<DockerfileStage>();
        List<(string Keyword, string Arguments)>? current = null;
        foreach ((string keyword, string arguments) in instructions)
        {
            if (keyword == "FROM")
            {
                string[] parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                string image = parts.First(part => !part.StartsWith("--", StringComparison.Ordinal));
                int asIndex = Array.FindIndex(parts, part => part.Equals("AS", StringComparison.OrdinalIgnoreCase));
                current = [];
                stages.Add(new DockerfileStage(image, asIndex >= 0 && asIndex + 1 < parts.Length ? parts[asIndex + 1] : null, current));
            }
            else if (current is null)
            {
                global.Add((keyword, arguments));
            }
            else
            {
                current.Add((keyword, arguments));
            }
        }

        return new Dockerfile(path, global, stages);
    }

    public override string ToString() => Support.RepositoryLayout.Relative(Path);
}
