using M6Search.Encoder.Backbone.Files;
using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Model;
using M6Search.Encoder.Training.Features;

namespace M6Search.Encoder.Tests.Training.Features;

public sealed class FeatureCacheTests : IDisposable
{
    private const string ImageSha = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static readonly ImageBackboneConfig Backbone = new() { Identity = BackboneIdentity.ResNet18, ColorGrid = 2, ColorCell = 2 };

    private readonly TempDirectory _directory = new();

    [Fact]
    public void AnEntry_IsMissingUntilWritten_ThenReadsBackTheSameValues()
    {
        var cache = new FeatureCache(_directory.Path);
        var key = new FeatureKey(ImageSha, Backbone, 160, View: 0);
        CachedFeatures written = Entry(12, 48, seed: 1);

        Assert.Equal(FeatureCacheRead.Missing, cache.TryRead(key, 12, 48, out _));
        cache.Write(key, written);
        FeatureCacheRead read = cache.TryRead(key, 12, 48, out CachedFeatures? back);

        Assert.Equal(FeatureCacheRead.Hit, read);
        Assert.Equal(written.Features, back!.Features);
        Assert.Equal(written.ColorCells, back.ColorCells);
        Assert.Equal(new[] { cache.PathOf(key) }, Directory.GetFiles(_directory.Path, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("flip a value byte")]
    [InlineData("flip a checksum byte")]
    [InlineData("cut short")]
    [InlineData("another key's entry")]
    [InlineData("other sizes expected")]
    [InlineData("empty file")]
    public void AnEntry_ThatFailsItsChecks_IsReportedCorrupt_NeverAHit(string damage)
    {
        var cache = new FeatureCache(_directory.Path);
        var key = new FeatureKey(ImageSha, Backbone, 160, View: 0);
        cache.Write(key, Entry(12, 48, seed: 2));
        string path = cache.PathOf(key);
        byte[] bytes = File.ReadAllBytes(path);
        int featureValues = 12;
        switch (damage)
        {
            case "flip a value byte":
                bytes[bytes.Length - 32 - 10] ^= 0x40;
                File.WriteAllBytes(path, bytes);
                break;
            case "flip a checksum byte":
                bytes[^1] ^= 0x01;
                File.WriteAllBytes(path, bytes);
                break;
            case "cut short":
                File.WriteAllBytes(path, bytes[..(bytes.Length - 7)]);
                break;
            case "another key's entry":
                var other = new FeatureKey(ImageSha, Backbone, 224, View: 0);
                cache.Write(other, Entry(12, 48, seed: 2));
                File.Copy(cache.PathOf(other), path, overwrite: true);
                break;
            case "other sizes expected":
                featureValues = 13;
                break;
            case "empty file":
                File.WriteAllBytes(path, []);
                break;
        }

        Assert.Equal(FeatureCacheRead.Corrupt, cache.TryRead(key, featureValues, 48, out CachedFeatures? features));
        Assert.Null(features);
    }

    [Fact]
    public void Keys_Differ_ForEveryChangeThatChangesTheFeatures()
    {
        var key = new FeatureKey(ImageSha, Backbone, 160, View: 0);
        FeatureKey[] others =
        [
            key with { ImageSize = 128 },
            key with { View = 1 },
            key with { ImageSha256 = "1" + ImageSha[1..] },
            key with { Backbone = Backbone with { Stage = BackboneStage.Stage4 } },
            key with { Backbone = Backbone with { ColorGrid = 4 } },
            key with { Backbone = Backbone with { ColorCell = 1 } },
            key with { Backbone = Backbone with { Identity = BackboneIdentity.ResNet18 with { NetworkSha256 = new string('0', 64) } } },
            key with { Backbone = Backbone with { Identity = BackboneIdentity.ResNet18 with { PreprocessSha256 = new string('0', 64) } } },
        ];

        Assert.Equal(others.Length + 1, others.Select(k => k.Hash).Append(key.Hash).Distinct().Count());
        Assert.Equal(key.Hash, new FeatureKey(ImageSha, Backbone with { }, 160, 0).Hash);
    }

    public void Dispose() => _directory.Dispose();

    private static CachedFeatures Entry(int features, int cells, int seed)
    {
        var random = new Random(seed);
        return new CachedFeatures(
            Enumerable.Range(0, features).Select(_ => (Half)(random.NextDouble() * 40)).ToArray(),
            Enumerable.Range(0, cells).Select(_ => (Half)((random.NextDouble() * 2) - 1)).ToArray());
    }
}
