using System.Text.RegularExpressions;
using M6Search.Deploy.Tests.Configuration;
using M6Search.Deploy.Tests.Docker;
using M6Search.Deploy.Tests.Support;
using M6Search.Deploy.Tests.Yaml;

namespace M6Search.Deploy.Tests;

/// <summary>deploy/compose/docker-compose.yml: valid for the compose CLI, and the cluster the issue asks for.</summary>
public sealed partial class ComposeFileTests
{
    private static readonly string ComposePath = DeployedContainers.ComposeFile;

    private static YamlTree Compose => YamlFile.LoadSingle(ComposePath);

    private static IReadOnlyList<KeyValuePair<string, YamlTree>> QdrantServices => Compose["services"].Entries
        .Where(service => service.Value["image"].Text?.StartsWith("qdrant/qdrant:", StringComparison.Ordinal) == true)
        .ToList();

    [SkippableFact]
    public void ComposeConfig_ExitsZero_WithTheApiKeySet()
    {
        ComposeCli? cli = ComposeCli.Find(out string reason);
        Skip.If(cli is null, reason);

        (int exitCode, string output) = cli!.Execute(
            ["-f", RepositoryLayout.Relative(ComposePath), "config"],
            new Dictionary<string, string?> { ["QDRANT_API_KEY"] = "test-only-key" });

        Assert.True(exitCode == 0, $"{cli.Description} config exited {exitCode}:\n{output}");
    }

    [SkippableFact]
    public void ComposeConfig_Fails_WithoutTheApiKey()
    {
        ComposeCli? cli = ComposeCli.Find(out string reason);
        Skip.If(cli is null, reason);
        Skip.If(File.Exists(RepositoryLayout.PathOf("deploy/compose/.env")), "deploy/compose/.env exists here and may set QDRANT_API_KEY.");

        (int exitCode, string output) = cli!.Execute(
            ["-f", RepositoryLayout.Relative(ComposePath), "config"],
            new Dictionary<string, string?> { ["QDRANT_API_KEY"] = null });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("QDRANT_API_KEY", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_RunsThreeQdrantPeers_OnAPinned119Image()
    {
        Assert.Equal(3, QdrantServices.Count);
        foreach ((string name, YamlTree service) in QdrantServices)
        {
            Assert.Matches(PinnedQdrant119(), service["image"].RequireText());
            Assert.True(service["environment"]["QDRANT__CLUSTER__ENABLED"].Text == "true", $"{name}: QDRANT__CLUSTER__ENABLED must be \"true\".");
        }
    }

    [Fact]
    public void Compose_StartsTheClusterOnOnePeer_AndBootstrapsTheOthersFromIt()
    {
        List<(string Name, string Command)> peers = QdrantServices
            .Select(service => (service.Key, string.Join(' ', service.Value["command"].TextOrItems())))
            .ToList();

        (string firstName, string firstCommand) = Assert.Single(peers, peer => !peer.Command.Contains("--bootstrap", StringComparison.Ordinal));
        Assert.Contains($"--uri http://{firstName}:6335", firstCommand, StringComparison.Ordinal);
        foreach ((string name, string command) in peers.Where(peer => peer.Name != firstName))
        {
            Assert.Contains($"--bootstrap http://{firstName}:6335", command, StringComparison.Ordinal);
            Assert.Contains($"--uri http://{name}:6335", command, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_PublishesOnlyTheFirstPeersRestAndGrpcPorts()
    {
        List<string> published = QdrantServices
            .SelectMany(service => service.Value["ports"].Items.Select(port => (service.Key, Port: port.RequireText())))
            .Select(port => $"{port.Key} {port.Port}")
            .ToList();

        Assert.Equal(2, published.Count);
        Assert.All(published, port => Assert.StartsWith(QdrantServices[0].Key + " ", port, StringComparison.Ordinal));
        Assert.EndsWith(":6333", published[0], StringComparison.Ordinal);
        Assert.EndsWith(":6334", published[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_PointsTheWebAppAndTheIndexer_AtQdrantsGrpcPort()
    {
        Assert.Equal("http://qdrant:6334", Compose["services"]["web"]["environment"]["M6__Qdrant__Url"].Text);
        string indexer = string.Join('\n', Compose["services"]["indexer"]["command"].Items.Select(line => line.RequireText()));
        Assert.Contains("--store qdrant:http://qdrant:6334 ", indexer, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_GivesEveryQdrantPeerItsOwnNamedVolumes()
    {
        HashSet<string> declared = Compose["volumes"].Entries.Select(volume => volume.Key).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string name, YamlTree service) in QdrantServices)
        {
            List<string> mounts = service["volumes"].Items.Select(volume => volume.RequireText()).ToList();
            string storage = Assert.Single(mounts, mount => mount.EndsWith(":/qdrant/storage", StringComparison.Ordinal));
            string volume = storage.Split(':')[0];
            Assert.True(declared.Contains(volume), $"{name}: storage volume '{volume}' is not a named volume of the file (a bind mount or anonymous volume would not persist the same way).");
            Assert.True(seen.Add(volume), $"{name}: storage volume '{volume}' is shared with another peer.");
            Assert.Contains(mounts, mount => mount.EndsWith(":/qdrant/snapshots", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Compose_TakesTheApiKeyFromTheEnvironment_ForEveryPeerAndApp()
    {
        foreach ((string name, YamlTree service) in QdrantServices)
        {
            Assert.True(
                ComposeInterpolation.IsReferenceTo(service["environment"]["QDRANT__SERVICE__API_KEY"].Text ?? string.Empty, "QDRANT_API_KEY"),
                $"{name}: QDRANT__SERVICE__API_KEY must be ${{QDRANT_API_KEY...}}.");
        }

        foreach (string app in new[] { "web", "indexer" })
        {
            Assert.True(
                ComposeInterpolation.IsReferenceTo(Compose["services"][app]["environment"]["M6__Qdrant__ApiKey"].Text ?? string.Empty, "QDRANT_API_KEY"),
                $"{app}: M6__Qdrant__ApiKey must be ${{QDRANT_API_KEY...}}.");
        }

        string example = File.ReadAllText(RepositoryLayout.PathOf("deploy/compose/.env.example"));
        Assert.Matches(EmptyApiKeyLine(), example);
    }

    [Fact]
    public void Compose_ChecksHealth_OfEveryPeerAndTheWebApp_ThroughReadyz()
    {
        foreach ((string name, YamlTree service) in QdrantServices.Append(new("web", Compose["services"]["web"])))
        {
            string test = string.Join(' ', service["healthcheck"]["test"].TextOrItems());
            Assert.True(test.Contains("/readyz", StringComparison.Ordinal), $"{name}: the health check must ask /readyz, not: {test}");
        }
    }

    [Fact]
    public void Compose_AsksForReplicationFactorTwo_InTheAppsThatMayCreateTheCollection()
    {
        foreach (string app in new[] { "web", "indexer" })
        {
            YamlTree environment = Compose["services"][app]["environment"];
            Assert.Equal("2", environment["M6__Qdrant__ReplicationFactor"].Text);
            Assert.True(int.Parse(environment["M6__Qdrant__ShardNumber"].RequireText(), System.Globalization.CultureInfo.InvariantCulture) >= 3, $"{app}: at least one shard per peer.");
        }
    }

    [Fact]
    public void Compose_RunsTheIndexerOnce_AfterTheClusterIsHealthy()
    {
        YamlTree indexer = Compose["services"]["indexer"];

        Assert.Equal("no", indexer["restart"].Text);
        foreach ((string name, _) in QdrantServices)
        {
            Assert.Equal("service_healthy", indexer["depends_on"][name]["condition"].Text);
        }

        string command = string.Join(' ', indexer["command"].TextOrItems());
        Assert.Contains("m6 synth", command, StringComparison.Ordinal);
        Assert.Contains("m6 index", command, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^qdrant/qdrant:v1\.19\.\d+(-unprivileged)?$")]
    private static partial Regex PinnedQdrant119();

    [GeneratedRegex(@"(?m)^QDRANT_API_KEY=\s*$")]
    private static partial Regex EmptyApiKeyLine();
}
