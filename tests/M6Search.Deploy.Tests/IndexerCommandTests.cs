using M6Search.Deploy.Tests.Commands;

namespace M6Search.Deploy.Tests;

/// <summary>The `m6` command lines in deploy/ use commands and options that the built `m6` has.</summary>
public sealed class IndexerCommandTests
{
    [Fact]
    public void DeployFiles_RunTheIndexer_OnTheQdrantStore()
    {
        List<M6Invocation> index = M6InvocationScanner.ScanDeployFolder().Where(i => i.Command == "index").ToList();

        Assert.True(index.Count >= 2, "expected `m6 index` in the compose file and in the Kubernetes job.");
        Assert.All(index, invocation => Assert.StartsWith("qdrant:http", invocation.ValueOf("--store") ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void DeployedM6Commands_UseOnlyCommandsAndOptionsThatTheBuiltM6Accepts()
    {
        Assert.True(File.Exists(M6Help.AssemblyPath), $"m6 was not built at {M6Help.AssemblyPath}.");
        var missingCommands = new List<string>();
        var unknown = new List<string>();
        foreach (IGrouping<string, M6Invocation> command in M6InvocationScanner.ScanDeployFolder().GroupBy(i => i.Command))
        {
            IReadOnlySet<string>? options = M6Help.OptionsOf(command.Key);
            if (options is null)
            {
                missingCommands.Add(command.Key);
                continue;
            }

            unknown.AddRange(command.SelectMany(invocation => invocation.Options.Where(option => !options.Contains(option)).Select(option => $"{invocation}: {option}")));
        }

        Assert.True(missingCommands.Count == 0, $"commands that the built m6 does not have: {string.Join(", ", missingCommands.Select(c => $"'{c}'"))}");
        Assert.True(unknown.Count == 0, "options that the built m6 does not know:\n" + string.Join('\n', unknown));
    }

    [Fact]
    public void DeployedM6Commands_NeverPassTheApiKeyOnTheCommandLine()
    {
        List<M6Invocation> leaking = M6InvocationScanner.ScanDeployFolder()
            .Where(invocation => invocation.Tokens.Any(token => token.Contains("api-key", StringComparison.OrdinalIgnoreCase) || token.Contains("API_KEY", StringComparison.Ordinal)))
            .ToList();

        Assert.True(leaking.Count == 0, "the API key belongs in M6__Qdrant__ApiKey, not on the command line:\n" + string.Join('\n', leaking));
    }

    [Fact]
    public void Scanner_SkipsCommentLines_InsideMarkdownCodeFences()
    {
        string file = Path.Combine(Path.GetTempPath(), $"m6-scan-{Guid.NewGuid():N}.md");
        File.WriteAllLines(file, ["```bash", "# m6 published with -p:M6LibTorch=external", "m6 store alias --store qdrant:http://q:6333 --alias a --collection b", "```"]);
        try
        {
            M6Invocation invocation = Assert.Single(M6InvocationScanner.ScanFile(file));

            Assert.Equal("store alias", invocation.Command);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Scanner_ReadsOptionsAndValues_UpToTheEndOfTheShellCommand()
    {
        M6Invocation invocation = Assert.Single(M6InvocationScanner.ScanText("f", 1, "set -e; m6 index --catalog /data/c.jsonl --shard \"${JOB_COMPLETION_INDEX}/8\" --batch 64 && echo done"));

        Assert.Equal("index", invocation.Command);
        Assert.Equal(["--catalog", "--shard", "--batch"], invocation.Options);
        Assert.Equal("${JOB_COMPLETION_INDEX}/8", invocation.ValueOf("--shard"));
    }
}
