using M6Search.Deploy.Tests.Support;

namespace M6Search.Deploy.Tests.Yaml;

/// <summary>The Kubernetes manifests under deploy/k8s (every .yaml except Helm values and the kustomization).</summary>
public static class KubernetesManifests
{
    public static string Folder => RepositoryLayout.PathOf("deploy/k8s");

    /// <summary>Manifest files: every *.yaml in deploy/k8s but kustomization.yaml and *-values.yaml.</summary>
    public static IReadOnlyList<string> Files() => Directory.EnumerateFiles(Folder, "*.yaml")
        .Where(file => Path.GetFileName(file) != "kustomization.yaml" && !file.EndsWith("-values.yaml", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Every document of every manifest.</summary>
    public static IReadOnlyList<YamlTree> Documents() => Files().SelectMany(YamlFile.LoadDocuments).ToList();

    /// <summary>The one object of a kind and name; fails naming what was looked for.</summary>
    public static YamlTree Single(string kind, string name)
    {
        List<YamlTree> matches = Documents().Where(d => d["kind"].Text == kind && d["metadata"]["name"].Text == name).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"expected one {kind} named '{name}' under deploy/k8s, found {matches.Count}.");
    }
}
