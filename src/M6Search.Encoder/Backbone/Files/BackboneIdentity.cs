namespace M6Search.Encoder.Backbone.Files;

/// <summary>
/// Names one pretrained image backbone exactly: its short name, the NuGet package that ships it, the package version,
/// where the network and its preprocessing lie inside the package (and the app folder), and the SHA-256 of both files.
/// A model file built on a backbone stores this and refuses to run on any other file (<see cref="BackboneLocator"/>).
/// </summary>
/// <param name="Name">Short name used on the command line and in model files, e.g. <c>resnet18</c>.</param>
/// <param name="PackageId">The NuGet package that ships the files.</param>
/// <param name="PackageVersion">The exact package version.</param>
/// <param name="NetworkPath">The network's path relative to the app folder (and to the package's <c>tools/</c> folder).</param>
/// <param name="NetworkSha256">Lower-case hex SHA-256 of the network file.</param>
/// <param name="PreprocessPath">The preprocessing graph's path, relative like <paramref name="NetworkPath"/>.</param>
/// <param name="PreprocessSha256">Lower-case hex SHA-256 of the preprocessing file.</param>
public sealed record BackboneIdentity(
    string Name,
    string PackageId,
    string PackageVersion,
    string NetworkPath,
    string NetworkSha256,
    string PreprocessPath,
    string PreprocessSha256)
{
    /// <summary>
    /// ImageNet ResNet18 (a CNTK export at ONNX opset 8) from <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> 0.24.0
    /// (MIT). The version must match the <c>PackageDownload</c> in M6Search.Encoder.csproj; a test checks that.
    /// </summary>
    public static BackboneIdentity ResNet18 { get; } = new(
        Name: "resnet18",
        PackageId: "Microsoft.ML.DnnImageFeaturizer.ResNet18",
        PackageVersion: "0.24.0",
        NetworkPath: "DnnImageModels/ResNet18Onnx/ResNet18.onnx",
        NetworkSha256: "e2552f19db2dfdb01b3669537b6a0f1b44da38d18279535492ed5dfc2ef1ff8f",
        PreprocessPath: "DnnImageModels/ResNetPrepOnnx/ResNetPreprocess.onnx",
        PreprocessSha256: "84bf8def78d0befaa3f6e73745d57d7016c6a192ead76f79686bd438c1047004");

    /// <summary>The backbones this build knows, by <see cref="Name"/>.</summary>
    public static IReadOnlyList<BackboneIdentity> Known { get; } = [ResNet18];

    /// <summary>The known backbone called <paramref name="name"/> (case-insensitive), as given to <c>--backbone</c>.</summary>
    /// <exception cref="ArgumentException">No known backbone has that name.</exception>
    public static BackboneIdentity FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var identity in Known)
        {
            if (string.Equals(identity.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return identity;
            }
        }

        throw new ArgumentException(
            $"Unknown backbone '{name}': expected one of {string.Join(", ", Known.Select(k => k.Name))}.", nameof(name));
    }

    /// <summary>One line for messages: <c>resnet18 (Microsoft.ML.DnnImageFeaturizer.ResNet18 0.24.0, ResNet18.onnx SHA-256 e2552f19...)</c>.</summary>
    public string Describe() =>
        $"{Name} ({PackageId} {PackageVersion}, {Path.GetFileName(NetworkPath)} SHA-256 {NetworkSha256})";
}
