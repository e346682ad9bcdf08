using System.Text.RegularExpressions;
using M6Search.Deploy.Tests.Docker;
using M6Search.Deploy.Tests.Support;

namespace M6Search.Deploy.Tests;

/// <summary>deploy/docker/*.Dockerfile: multi-stage, pinned Ubuntu 24.04 bases, a non-root user, the model inside.</summary>
public sealed partial class DockerfileTests
{
    public static TheoryData<string> DockerfileNames()
    {
        var names = new TheoryData<string>();
        foreach (string file in Dockerfile.Files())
        {
            names.Add(Path.GetFileName(file));
        }

        return names;
    }

    [Fact]
    public void DeployDocker_HasTheWebIndexerAndGpuIndexerImages()
    {
        Assert.Equal(
            ["indexer-gpu.Dockerfile", "indexer.Dockerfile", "web.Dockerfile"],
            Dockerfile.Files().Select(Path.GetFileName));
    }

    [Theory]
    [MemberData(nameof(DockerfileNames))]
    public void Dockerfile_IsMultiStage_OnPinnedBaseImages(string name)
    {
        Dockerfile dockerfile = Load(name);

        Assert.True(dockerfile.Stages.Count >= 2, $"{dockerfile}: build in one stage, run in another.");
        HashSet<string> stageNames = dockerfile.Stages.Select(stage => stage.Name).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (DockerfileStage stage in dockerfile.Stages.Where(stage => !stageNames.Contains(stage.BaseImage)))
        {
            Assert.Matches(PinnedImage(), stage.BaseImage);
        }
    }

    [Theory]
    [MemberData(nameof(DockerfileNames))]
    public void Dockerfile_RunsOnUbuntu2404_WhoseLibstdcxxHasGlibcxx3432(string name)
    {
        Dockerfile dockerfile = Load(name);

        foreach (DockerfileStage stage in dockerfile.Stages.Where(stage => stage.BaseImage.Contains('/', StringComparison.Ordinal)))
        {
            Assert.True(
                stage.BaseImage.EndsWith("-noble", StringComparison.Ordinal) || stage.BaseImage.EndsWith("-ubuntu24.04", StringComparison.Ordinal),
                $"{dockerfile}: {stage.BaseImage} is not an Ubuntu 24.04 (noble) image.");
        }
    }

    [Theory]
    [MemberData(nameof(DockerfileNames))]
    public void Dockerfile_RunsAsANumericNonRootUser(string name)
    {
        Dockerfile dockerfile = Load(name);

        (string _, string user) = dockerfile.Final.Instructions.Last(instruction => instruction.Keyword == "USER");
        string uid = user.Split(':')[0];
        Assert.True(int.TryParse(uid, out int id) && id != 0, $"{dockerfile}: USER {user} must be a numeric non-zero UID (Kubernetes can verify runAsNonRoot only then).");
        int userAt = dockerfile.Final.Instructions.ToList().FindLastIndex(instruction => instruction.Keyword == "USER");
        Assert.DoesNotContain(dockerfile.Final.Instructions.Skip(userAt), instruction => instruction.Keyword == "RUN");
    }

    [Theory]
    [MemberData(nameof(DockerfileNames))]
    public void Dockerfile_ShipsTheModel_AndSwitchesTheDebianPatchOff(string name)
    {
        Dockerfile dockerfile = Load(name);

        Assert.Contains(dockerfile.Final.Instructions, instruction =>
            instruction.Keyword == "COPY" && instruction.Arguments.StartsWith("models/m6-tiny.m6model /app/models/m6-tiny.m6model", StringComparison.Ordinal));
        string publish = Assert.Single(dockerfile.Stages.SelectMany(stage => stage.Instructions), instruction =>
            instruction.Keyword == "RUN" && instruction.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments;
        Assert.Contains("-p:M6PatchLibTorchSharp=false", publish, StringComparison.Ordinal);
        Assert.Contains("-r linux-x64", publish, StringComparison.Ordinal);
    }

    [Fact]
    public void GpuDockerfile_LeavesOutTheCpuLibtorch_AndPutsACudaLibtorchOnTheLoaderPath()
    {
        Dockerfile dockerfile = Load("indexer-gpu.Dockerfile");

        string publish = dockerfile.Stages.SelectMany(stage => stage.Instructions)
            .Single(instruction => instruction.Keyword == "RUN" && instruction.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments;
        Assert.Contains("M6LibTorch=$backend", publish, StringComparison.Ordinal);
        Assert.Contains("backend=external", publish, StringComparison.Ordinal);
        Assert.Contains("backend=cuda", publish, StringComparison.Ordinal);
        Assert.StartsWith("nvidia/cuda:", dockerfile.Final.BaseImage, StringComparison.Ordinal);
        Assert.Contains(dockerfile.Final.Instructions, instruction =>
            instruction.Keyword == "ENV" && instruction.Arguments.Contains("LD_LIBRARY_PATH=/opt/libtorch/lib", StringComparison.Ordinal));
        Assert.Contains(dockerfile.Stages.SelectMany(stage => stage.Instructions), instruction =>
            instruction.Keyword == "ARG" && instruction.Arguments == "LIBTORCH_VERSION=2.10.0");
    }

    [Theory]
    [MemberData(nameof(DockerfileNames))]
    public void Dockerfile_CopiesOnlyWhatItsIgnoreFileSends(string name)
    {
        Dockerfile dockerfile = Load(name);
        string ignorePath = dockerfile.Path + ".dockerignore";
        Assert.True(File.Exists(ignorePath), $"{dockerfile}: {Path.GetFileName(ignorePath)} is missing; the whole repository would be sent as the build context.");
        List<string> included = File.ReadAllLines(ignorePath)
            .Where(line => line.StartsWith('!'))
            .Select(line => line[1..].Replace("/**", string.Empty, StringComparison.Ordinal))
            .ToList();

        foreach ((string _, string arguments) in dockerfile.Stages.SelectMany(stage => stage.Instructions).Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal)))
        {
            string[] parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (string source in parts[..^1].Where(part => !part.StartsWith("--", StringComparison.Ordinal)))
            {
                string trimmed = source.TrimEnd('/');
                Assert.True(included.Contains(trimmed), $"{dockerfile}: COPY {source} is not let through by {Path.GetFileName(ignorePath)}.");
                Assert.True(File.Exists(RepositoryLayout.PathOf(trimmed)) || Directory.Exists(RepositoryLayout.PathOf(trimmed)), $"{dockerfile}: COPY {source}: no such path in the repository.");
            }
        }
    }

    private static Dockerfile Load(string name) => Dockerfile.Load(RepositoryLayout.PathOf("deploy/docker/" + name));

    // A registry path with an explicit version tag (digits), never "latest" or a bare major version.
    [GeneratedRegex(@"^[a-z0-9./-]+:(?!latest)[0-9]+\.[0-9]+\.[0-9]+[A-Za-z0-9.-]*(@sha256:[0-9a-f]{64})?$")]
    private static partial Regex PinnedImage();
}
