using System.Diagnostics;
using System.Text.RegularExpressions;
using M6Search.Deploy.Tests.Support;
using M6Search.Deploy.Tests.Yaml;

namespace M6Search.Deploy.Tests;

/// <summary>deploy/k8s: manifests that parse, and the shapes the issue asks for.</summary>
public sealed partial class KubernetesManifestTests
{
    private static readonly string[] PodKinds = ["Deployment", "StatefulSet", "Job"];

    [Fact]
    public void EveryManifest_ParsesAsKubernetesObjects_WithKindNameAndNamespace()
    {
        IReadOnlyList<YamlTree> documents = KubernetesManifests.Documents();

        Assert.NotEmpty(documents);
        foreach (YamlTree document in documents)
        {
            Assert.False(string.IsNullOrEmpty(document["apiVersion"].Text), $"{document.Path} has no apiVersion.");
            Assert.False(string.IsNullOrEmpty(document["kind"].Text), $"{document.Path} has no kind.");
            Assert.False(string.IsNullOrEmpty(document["metadata"]["name"].Text), $"{document.Path} has no metadata.name.");
            if (document["kind"].Text != "Namespace")
            {
                Assert.True(document["metadata"]["namespace"].Text == "m6search", $"{document.Path}: metadata.namespace must be m6search.");
            }
        }

        HashSet<string> kinds = documents.Select(d => d["kind"].RequireText()).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string> { "Deployment", "Service", "HorizontalPodAutoscaler", "StatefulSet", "Job" }, kinds);
    }

    [Fact]
    public void Kustomization_ListsOnlyFilesThatExist_AndTheFilesParse()
    {
        string folder = KubernetesManifests.Folder;
        YamlTree kustomization = YamlFile.LoadSingle(Path.Combine(folder, "kustomization.yaml"));

        IReadOnlyList<YamlTree> resources = kustomization["resources"].Items;
        Assert.NotEmpty(resources);
        foreach (YamlTree resource in resources)
        {
            string path = Path.Combine(folder, resource.RequireText());
            Assert.True(File.Exists(path), $"{resource.Path}: {resource.Text} does not exist.");
            Assert.NotEmpty(YamlFile.LoadDocuments(path));
        }
    }

    [SkippableFact]
    public void KubectlKustomize_BuildsTheKustomization()
    {
        string? kubectl = FindOnPath("kubectl");
        Skip.If(kubectl is null, "kubectl is not installed on this machine; `kubectl kustomize deploy/k8s` was not run.");

        var start = new ProcessStartInfo(kubectl!, ["kustomize", KubernetesManifests.Folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "kubectl kustomize did not finish in 2 minutes.");

        Assert.True(process.ExitCode == 0, $"kubectl kustomize exited {process.ExitCode}: {error.Result}");
        Assert.Contains("kind: StatefulSet", output, StringComparison.Ordinal);
    }

    [Fact]
    public void IndexerJob_IsIndexed_WithOneShardPerCompletion()
    {
        YamlTree job = KubernetesManifests.Single("Job", "m6-index");
        YamlTree spec = job["spec"];

        Assert.Equal("Indexed", spec["completionMode"].Text);
        int completions = spec["completions"].RequireInt();
        Assert.Equal(completions, spec["parallelism"].RequireInt());
        Assert.True(completions > 1, "a sharded job needs more than one shard.");

        YamlTree container = Assert.Single(spec["template"]["spec"]["containers"].Items);
        string command = string.Join(' ', container["command"].TextOrItems().Concat(container["args"].TextOrItems()));
        Match shard = ShardArgument().Match(command);
        Assert.True(shard.Success, $"{container.Path}: the command must pass --shard $JOB_COMPLETION_INDEX/N: {command}");
        Assert.Equal(completions, int.Parse(shard.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("m6 index", command, StringComparison.Ordinal);
        Assert.Equal("Never", spec["template"]["spec"]["restartPolicy"].Text);
    }

    [Fact]
    public void WebDeployment_ProbesReadyzForReadiness_AndHealthzForLiveness()
    {
        YamlTree container = WebContainer();

        Assert.Equal("/readyz", container["readinessProbe"]["httpGet"]["path"].Text);
        Assert.Equal("/healthz", container["livenessProbe"]["httpGet"]["path"].Text);
        Assert.Contains(container["ports"].Items, port => port["containerPort"].Text == "8080");
    }

    [Fact]
    public void WebAutoscaler_ScalesTheWebDeployment_FromAtLeastTwoReplicas()
    {
        YamlTree autoscaler = KubernetesManifests.Documents().Single(d => d["kind"].Text == "HorizontalPodAutoscaler");

        Assert.Equal("autoscaling/v2", autoscaler["apiVersion"].Text);
        Assert.Equal("Deployment", autoscaler["spec"]["scaleTargetRef"]["kind"].Text);
        Assert.Equal("m6-web", autoscaler["spec"]["scaleTargetRef"]["name"].Text);
        int min = autoscaler["spec"]["minReplicas"].RequireInt();
        Assert.True(min >= 2, "at least two web replicas, so one can restart without an outage.");
        Assert.True(autoscaler["spec"]["maxReplicas"].RequireInt() > min);
        Assert.NotEmpty(autoscaler["spec"]["metrics"].Items);

        YamlTree service = KubernetesManifests.Single("Service", "m6-web");
        Assert.Equal("m6-web", service["spec"]["selector"]["app.kubernetes.io/name"].Text);
    }

    [Fact]
    public void EveryPod_RunsAsNonRoot_WithoutPrivilegeEscalation_AndWithResources()
    {
        List<YamlTree> owners = KubernetesManifests.Documents().Where(d => PodKinds.Contains(d["kind"].Text)).ToList();
        Assert.Equal(3, owners.Count);
        foreach (YamlTree owner in owners)
        {
            YamlTree pod = owner["spec"]["template"]["spec"];
            foreach (YamlTree container in pod["containers"].Items)
            {
                string? nonRoot = container["securityContext"]["runAsNonRoot"].Text ?? pod["securityContext"]["runAsNonRoot"].Text;
                string? user = container["securityContext"]["runAsUser"].Text ?? pod["securityContext"]["runAsUser"].Text;
                Assert.True(nonRoot == "true", $"{container.Path}: runAsNonRoot must be true.");
                Assert.True(user is not null && user != "0", $"{container.Path}: runAsUser must be a non-zero UID.");
                Assert.Equal("false", container["securityContext"]["allowPrivilegeEscalation"].Text);
                Assert.True(container["resources"]["requests"]["memory"].Exists, $"{container.Path}: no memory request.");
                Assert.True(container["resources"]["limits"]["memory"].Exists, $"{container.Path}: no memory limit.");
                Assert.True(container["resources"]["requests"]["cpu"].Exists, $"{container.Path}: no CPU request.");
            }
        }
    }

    [Fact]
    public void Qdrant_RunsThreePinnedPeers_WithPersistentVolumes_AndTheApiKeyFromASecret()
    {
        YamlTree set = KubernetesManifests.Single("StatefulSet", "qdrant");

        Assert.Equal(3, set["spec"]["replicas"].RequireInt());
        YamlTree container = Assert.Single(set["spec"]["template"]["spec"]["containers"].Items);
        Assert.Matches(PinnedQdrant119(), container["image"].RequireText());
        Assert.Contains(set["spec"]["volumeClaimTemplates"].Items, claim =>
            container["volumeMounts"].Items.Any(mount => mount["name"].Text == claim["metadata"]["name"].Text && mount["mountPath"].Text == "/qdrant/storage"));
        YamlTree apiKey = Assert.Single(container["env"].Items, variable => variable["name"].Text == "QDRANT__SERVICE__API_KEY");
        Assert.True(apiKey["valueFrom"]["secretKeyRef"]["name"].Exists, $"{apiKey.Path}: the API key must come from a secret.");
        Assert.Equal("/readyz", container["readinessProbe"]["httpGet"]["path"].Text);

        YamlTree qdrantService = KubernetesManifests.Single("Service", "qdrant");
        Assert.Equal(["6333", "6334"], qdrantService["spec"]["ports"].Items.Select(port => port["port"].RequireText()));
    }

    [Fact]
    public void AppPods_TakeTheQdrantUrl_FromTheQdrantService_OnItsGrpcPort()
    {
        YamlTree url = Assert.Single(WebContainer()["env"].Items, variable => variable["name"].Text == "M6__Qdrant__Url");
        Assert.Equal("http://qdrant:6334", url["value"].Text);
    }

    private static YamlTree WebContainer() =>
        Assert.Single(KubernetesManifests.Single("Deployment", "m6-web")["spec"]["template"]["spec"]["containers"].Items);

    private static string? FindOnPath(string program) => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, program))
        .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"--shard\s+""?\$(?:\{JOB_COMPLETION_INDEX\}|\(JOB_COMPLETION_INDEX\)|JOB_COMPLETION_INDEX)/(?<n>\d+)""?")]
    private static partial Regex ShardArgument();

    [GeneratedRegex(@"^qdrant/qdrant:v1\.19\.\d+(-unprivileged)?$")]
    private static partial Regex PinnedQdrant119();
}
