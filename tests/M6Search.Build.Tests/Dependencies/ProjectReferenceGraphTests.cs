using System.Xml.Linq;

namespace M6Search.Build.Tests.Dependencies;

/// <summary>
/// Pins the project-reference graph, so that a reference against the architecture fails CI: dependencies run one way,
/// hosts (web app, <c>m6</c>, benchmarks) -> libraries -> the catalog model. A new project, or a new reference, is
/// added here on purpose, with the reason it is allowed.
/// </summary>
public sealed class ProjectReferenceGraphTests
{
    /// <summary>Every project outside tests/ and the projects it may reference (by project name), nothing else.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        // The catalog model and leaf libraries: nothing of ours below them.
        ["M6Search.Catalog"] = [],
        ["M6Search.Imaging"] = [],
        ["M6Search.Telemetry"] = [],

        // Libraries over the catalog model.
        ["M6Search.Stores"] = ["M6Search.Catalog"],
        ["M6Search.Encoder"] = ["M6Search.Catalog", "M6Search.Imaging"],
        ["M6Search.Synth"] = ["M6Search.Catalog", "M6Search.Imaging"],

        // Query time and indexing time: both write or read the stores with the encoder; neither needs the other.
        ["M6Search.Search"] = ["M6Search.Catalog", "M6Search.Encoder", "M6Search.Stores"],
        ["M6Search.Indexing"] = ["M6Search.Catalog", "M6Search.Encoder", "M6Search.Imaging", "M6Search.Stores"],

        // Measuring rankings: the search service (the one ranking path) and the metrics.
        ["M6Search.Evaluation"] = ["M6Search.Catalog", "M6Search.Search"],
        ["M6Search.Relevance"] = ["M6Search.Catalog", "M6Search.Evaluation", "M6Search.Search", "M6Search.Stores"],

        // Hosts: each references what it hosts (the web app: search, dashboard, jobs, demo catalog; m6: every command).
        ["M6Search.Web"] =
        [
            "M6Search.Catalog", "M6Search.Encoder", "M6Search.Imaging", "M6Search.Indexing", "M6Search.Relevance",
            "M6Search.Search", "M6Search.Stores", "M6Search.Synth", "M6Search.Telemetry",
        ],
        ["M6Search.Indexer"] =
        [
            "M6Search.Catalog", "M6Search.Encoder", "M6Search.Evaluation", "M6Search.Imaging", "M6Search.Indexing",
            "M6Search.Search", "M6Search.Stores", "M6Search.Synth",
        ],
        ["M6Search.Search.Benchmarks"] = [],
        ["M6Search.Stores.Benchmarks"] = ["M6Search.Stores"],
        ["M6Search.Backbone.Benchmarks"] = ["M6Search.Encoder"],

        // Tools: the real-catalog converter (eval/) writes catalog files; the fuzzing harness (fuzz/) drives the
        // catalog readers and the image loader.
        ["M6Search.OpenClipart"] = ["M6Search.Catalog"],
        ["M6Search.Fuzzing"] = ["M6Search.Catalog", "M6Search.Imaging"],
    };

    /// <summary>The projects that host libraries (programs, benchmarks, tools); no library may reference them.</summary>
    private static readonly string[] Hosts =
    [
        "M6Search.Web", "M6Search.Indexer", "M6Search.Search.Benchmarks", "M6Search.Stores.Benchmarks", "M6Search.Backbone.Benchmarks",
        "M6Search.OpenClipart", "M6Search.Fuzzing",
    ];

    private static readonly string Root = FindRoot();

    [Fact]
    public void EveryProject_ReferencesExactlyWhatTheGraphAllows()
    {
        var problems = new List<string>();
        foreach (string project in ProjectsOutsideTests())
        {
            string name = Path.GetFileNameWithoutExtension(project);
            string[] references = References(project).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()!;
            if (!Allowed.TryGetValue(name, out string[]? allowed))
            {
                problems.Add($"{Relative(project)} is not in the allowed graph: add it to {nameof(ProjectReferenceGraphTests)}.{nameof(Allowed)} " +
                    $"with its references ({string.Join(", ", references)}), keeping hosts -> libraries -> catalog model.");
                continue;
            }

            string[] extra = references.Except(allowed, StringComparer.Ordinal).ToArray();
            string[] missing = allowed.Except(references, StringComparer.Ordinal).ToArray();
            if (extra.Length > 0)
            {
                problems.Add($"{Relative(project)} references {string.Join(", ", extra)}, which the graph does not allow.");
            }

            if (missing.Length > 0)
            {
                problems.Add($"{Relative(project)} no longer references {string.Join(", ", missing)}: update the pinned graph.");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void TheAllowedGraph_HasNoCycle_AndNoLibraryReferencesAHost()
    {
        Assert.DoesNotContain(Allowed.Where(p => !Hosts.Contains(p.Key)), p => p.Value.Intersect(Hosts).Any());

        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path, true: done
        foreach (string project in Allowed.Keys)
        {
            Visit(project, []);
        }

        void Visit(string project, List<string> path)
        {
            if (state.TryGetValue(project, out bool done))
            {
                Assert.True(done, "cycle: " + string.Join(" -> ", path.Append(project)));
                return;
            }

            state[project] = false;
            foreach (string reference in Allowed.GetValueOrDefault(project, []))
            {
                Visit(reference, [.. path, project]);
            }

            state[project] = true;
        }
    }

    [Fact]
    public void TestProjects_ReferenceProductionProjectsOrTestHelpers_NeverAnotherTestProject()
    {
        var problems = new List<string>();
        foreach (string project in Directory.EnumerateFiles(Path.Combine(Root, "tests"), "*.csproj", SearchOption.AllDirectories).Where(IsSource))
        {
            foreach (string reference in References(project).Where(IsTestProject))
            {
                problems.Add($"{Relative(project)} references the test project {Relative(reference)}; share code through a helper project or tests/Shared.");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    // Every project of the repository but the tests (src, ui, indexer, bench, eval, and any folder added later).
    private static IEnumerable<string> ProjectsOutsideTests() =>
        Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Where(IsSource)
            .Where(path => !Relative(path).StartsWith("tests" + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private static IEnumerable<string> References(string project)
    {
        string folder = Path.GetDirectoryName(project)!;
        return XDocument.Load(project)
            .Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include"))
            .Where(include => !string.IsNullOrEmpty(include))
            .Select(include => Path.GetFullPath(Path.Combine(folder, include!.Replace('\\', '/'))));
    }

    private static bool IsTestProject(string project) =>
        File.Exists(project) && XDocument.Load(project).Descendants().Any(e => e.Name.LocalName == "IsTestProject" && e.Value.Trim() == "true");

    // Build outputs, git metadata and shared/ (outside the repository in CI) never count.
    private static bool IsSource(string path) =>
        !Relative(path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "shared" or "node_modules");

    private static string Relative(string path) => Path.GetRelativePath(Root, path);

    private static string FindRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "M6Search.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"M6Search.sln not found above {AppContext.BaseDirectory}.");
    }
}
