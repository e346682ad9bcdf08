using System.Reflection;
using M6Search.Encoder.Backbone.Files;

namespace M6Search.Encoder.Tests.Backbone;

public sealed class BackboneLocatorTests
{
    private static readonly BackboneIdentity Expected = BackboneIdentity.ResNet18;

    [Fact]
    public void Locate_FindsTheVerifiedFilesInTheAppFolder_WhereTheBuildCopiedThem()
    {
        var files = new BackboneLocator(new BackboneLocatorOptions { SearchPackageFolder = false }).Locate(Expected);

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx"), files.NetworkFile);
        Assert.Equal(Expected.NetworkSha256, FileSha256.Of(files.NetworkFile));
        Assert.Equal(Expected.PreprocessSha256, FileSha256.Of(files.PreprocessFile));
        Assert.Same(Expected, files.Identity);
    }

    [Fact]
    public void Locate_FindsThePackageFolder_WhenTheAppFolderIsNotSearched()
    {
        var files = new BackboneLocator(new BackboneLocatorOptions { SearchAppFolder = false }).Locate(Expected);

        string tools = Path.Combine("microsoft.ml.dnnimagefeaturizer.resnet18", "0.24.0", "tools");
        Assert.Contains(tools, files.NetworkFile, StringComparison.Ordinal);
        Assert.Contains(tools, files.PreprocessFile, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_RefusesADifferentFile_NamingTheExpectedOneAndWhatItFound()
    {
        using var folder = new TempDirectory();
        string network = Path.Combine(folder.Path, Expected.NetworkPath);
        Directory.CreateDirectory(Path.GetDirectoryName(network)!);
        File.WriteAllBytes(network, [1, 2, 3]);

        var error = Assert.Throws<BackboneFileException>(() => OnlyIn(folder.Path).Locate(Expected));

        Assert.Same(Expected, error.Expected);
        var searched = Assert.Single(error.Searched);
        Assert.Equal(network, searched.Path);
        Assert.Contains("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", searched.Finding, StringComparison.Ordinal);
        Assert.Contains("a different file", error.Message, StringComparison.Ordinal);
        Assert.Contains(Expected.NetworkSha256, error.Message, StringComparison.Ordinal);
        Assert.Contains("Microsoft.ML.DnnImageFeaturizer.ResNet18 0.24.0", error.Message, StringComparison.Ordinal);
        Assert.Contains(network, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_RefusesAMissingBackbone_ListingEveryPlaceItLooked()
    {
        using var configured = new TempDirectory();
        using var packages = new TempDirectory();
        var locator = new BackboneLocator(new BackboneLocatorOptions
        {
            Directory = configured.Path,
            SearchAppFolder = false,
            PackagesRoot = packages.Path,
        });

        var error = Assert.Throws<BackboneFileException>(() => locator.Locate(Expected));

        Assert.Equal(2, error.Searched.Count);
        Assert.All(error.Searched, s => Assert.Equal("not there", s.Finding));
        Assert.Contains(Path.Combine(configured.Path, Expected.NetworkPath), error.Message, StringComparison.Ordinal);
        Assert.Contains(
            Path.Combine(packages.Path, "microsoft.ml.dnnimagefeaturizer.resnet18", "0.24.0", "tools", Expected.NetworkPath),
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("dotnet restore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_RefusesTheInstalledFile_WhenAModelNamesAnotherHash()
    {
        // What a model file built on another release of the network would ask for.
        var other = Expected with { NetworkSha256 = new string('0', 64) };

        var error = Assert.Throws<BackboneFileException>(() => new BackboneLocator().Locate(other));

        Assert.Same(other, error.Expected);
        Assert.Contains(new string('0', 64), error.Message, StringComparison.Ordinal);
        Assert.Contains($"SHA-256 {Expected.NetworkSha256}, a different file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_RefusesAChangedPreprocessingFile_EvenWithTheRightNetwork()
    {
        using var folder = new TempDirectory();
        var real = new BackboneLocator().Locate(Expected);
        string network = Path.Combine(folder.Path, Expected.NetworkPath);
        string preprocess = Path.Combine(folder.Path, Expected.PreprocessPath);
        Directory.CreateDirectory(Path.GetDirectoryName(network)!);
        Directory.CreateDirectory(Path.GetDirectoryName(preprocess)!);
        File.CreateSymbolicLink(network, real.NetworkFile);
        File.WriteAllText(preprocess, "not the preprocessing graph");

        var error = Assert.Throws<BackboneFileException>(() => OnlyIn(folder.Path).Locate(Expected));

        Assert.Contains(error.Searched, s => s.Path == preprocess && s.Finding.EndsWith("a different file", StringComparison.Ordinal));
    }

    [Fact]
    public void Identity_NamesTheVersionThatTheProjectDownloads()
    {
        var metadata = typeof(BackboneIdentity).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(a => a.Key, a => a.Value);

        Assert.Equal(metadata["M6BackbonePackageId"], Expected.PackageId);
        Assert.Equal(metadata["M6BackbonePackageVersion"], Expected.PackageVersion);
    }

    [Fact]
    public void FromName_FindsResNet18_AndRejectsOtherNames()
    {
        Assert.Same(BackboneIdentity.ResNet18, BackboneIdentity.FromName(" ResNet18 "));
        var error = Assert.Throws<ArgumentException>(() => BackboneIdentity.FromName("resnet50"));
        Assert.Contains("resnet18", error.Message, StringComparison.Ordinal);
    }

    private static BackboneLocator OnlyIn(string folder) => new(new BackboneLocatorOptions
    {
        Directory = folder,
        SearchAppFolder = false,
        SearchPackageFolder = false,
    });
}
