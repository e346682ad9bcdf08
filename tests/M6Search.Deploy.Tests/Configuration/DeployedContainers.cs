using M6Search.Deploy.Tests.Support;
using M6Search.Deploy.Tests.Yaml;

namespace M6Search.Deploy.Tests.Configuration;

/// <summary>The containers that deploy/compose and deploy/k8s define, read from the files.</summary>
public static class DeployedContainers
{
    private static readonly string[] PodOwners = ["Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet"];

    /// <summary>The compose file's path.</summary>
    public static string ComposeFile => RepositoryLayout.PathOf("deploy/compose/docker-compose.yml");

    /// <summary>Every container of the compose file and of every Kubernetes manifest under deploy/k8s.</summary>
    public static IReadOnlyList<DeployedContainer> All() => FromCompose().Concat(FromKubernetes()).ToList();

    /// <summary>The compose file's services.</summary>
    public static IReadOnlyList<DeployedContainer> FromCompose()
    {
        YamlTree compose = YamlFile.LoadSingle(ComposeFile);
        return compose["services"].Entries.Select(service => new DeployedContainer(
            $"{RepositoryLayout.Relative(ComposeFile)} service '{service.Key}'",
            service.Value["image"].Text ?? string.Empty,
            ComposeEnvironment(service.Value["environment"]),
            service.Value["entrypoint"].TextOrItems().Concat(service.Value["command"].TextOrItems()).ToList())).ToList();
    }

    /// <summary>The containers (and init containers) of the pod templates in deploy/k8s/*.yaml.</summary>
    public static IReadOnlyList<DeployedContainer> FromKubernetes()
    {
        var containers = new List<DeployedContainer>();
        foreach (string file in KubernetesManifests.Files())
        {
            foreach (YamlTree document in YamlFile.LoadDocuments(file))
            {
                string? kind = document["kind"].Text;
                if (kind is null || !PodOwners.Contains(kind))
                {
                    continue;
                }

                YamlTree pod = document["spec"]["template"]["spec"];
                foreach (YamlTree container in pod["initContainers"].Items.Concat(pod["containers"].Items))
                {
                    containers.Add(new DeployedContainer(
                        $"{RepositoryLayout.Relative(file)} {kind}/{document["metadata"]["name"].Text} container '{container["name"].Text}'",
                        container["image"].Text ?? string.Empty,
                        container["env"].Items.Select(variable => new EnvironmentVariable(
                            variable["name"].RequireText(),
                            variable["value"].Text,
                            variable["value"].Text ?? "(valueFrom)")).ToList(),
                        container["command"].TextOrItems().Concat(container["args"].TextOrItems()).ToList()));
                }
            }
        }

        return containers;
    }

    private static List<EnvironmentVariable> ComposeEnvironment(YamlTree environment)
    {
        if (environment.IsMapping)
        {
            return environment.Entries
                .Select(entry => new EnvironmentVariable(entry.Key, ComposeInterpolation.ResolveDefaults(entry.Value.Text ?? string.Empty), entry.Value.Text ?? string.Empty))
                .ToList();
        }

        return environment.Items.Select(item =>
        {
            string text = item.RequireText();
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            return equals < 0
                ? new EnvironmentVariable(text, null, text)
                : new EnvironmentVariable(text[..equals], ComposeInterpolation.ResolveDefaults(text[(equals + 1)..]), text[(equals + 1)..]);
        }).ToList();
    }
}
