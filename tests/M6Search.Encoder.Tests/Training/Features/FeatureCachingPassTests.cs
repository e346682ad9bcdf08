using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Model;
using M6Search.Encoder.Tests.Backbone;
using M6Search.Encoder.Training.Data;
using M6Search.Encoder.Training.Features;
using M6Search.Imaging;
using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Tests.Training.Features;

[Collection(BackboneCollection.Name)]
public sealed class FeatureCachingPassTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ImageBackboneConfig _backbone = TestConfigs.MicroBackbone().Backbone!;

    [Fact]
    public async Task ASecondPass_TakesEveryEntryFromTheCache_AndBothGiveTheTowersFeatures()
    {
        (string[] ids, string[] images) = Images(5);
        using ImageTower tower = ImageTower.Load(_backbone, 32);
        var cache = new FeatureCache(_directory.File("cache"));

        (CachedFeatureImages first, DatasetRejection?[] failures) = await new FeatureCachingPass(tower, cache, new ImageLoader()).RunAsync(ids, images);
        var second = new FeatureCachingPass(tower, cache, new ImageLoader());
        (CachedFeatureImages again, _) = await second.RunAsync(ids, images);

        Assert.All(failures, Assert.Null);
        Assert.Equal(new FeatureCachingReport { Hits = 5, Elapsed = second.Report.Elapsed }, second.Report);
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.Equal(first.Entry(i, 0).Features, again.Entry(i, 0).Features);
            Assert.Equal(first.Entry(i, 0).ColorCells, again.Entry(i, 0).ColorCells);
            (float[] features, float[] cells) = Direct(tower, images[i]);
            AssertHalfClose(features, first.Entry(i, 0).Features);
            AssertHalfClose(cells, first.Entry(i, 0).ColorCells);
        }
    }

    [Fact]
    public async Task ACorruptEntry_IsComputedAgain_NeverUsed()
    {
        (string[] ids, string[] images) = Images(4);
        using ImageTower tower = ImageTower.Load(_backbone, 32);
        var cache = new FeatureCache(_directory.File("cache"));
        (CachedFeatureImages first, _) = await new FeatureCachingPass(tower, cache, new ImageLoader()).RunAsync(ids, images);
        string damaged = Directory.GetFiles(cache.Directory, "*.f16", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        byte[] bytes = File.ReadAllBytes(damaged);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(damaged, bytes);

        var pass = new FeatureCachingPass(tower, cache, new ImageLoader());
        (CachedFeatureImages again, _) = await pass.RunAsync(ids, images);

        Assert.Equal((3L, 0L, 1L), (pass.Report.Hits, pass.Report.Computed, pass.Report.Recomputed));
        for (int i = 0; i < ids.Length; i++)
        {
            // The damaged entry is computed alone, the others were computed in a batch of 4: libtorch's kernels may
            // round a batch of one differently in the last bits, so compare with the half-precision tolerance.
            AssertHalfClose(first.Entry(i, 0).Features.Select(h => (float)h).ToArray(), again.Entry(i, 0).Features);
        }

        Assert.NotEqual(bytes, File.ReadAllBytes(damaged)); // rewritten with the right values
    }

    [Fact]
    public async Task AnotherInputSize_MissesTheCache_AndGivesItsOwnShape()
    {
        (string[] ids, string[] images) = Images(3);
        var cache = new FeatureCache(_directory.File("cache"));
        using ImageTower small = ImageTower.Load(_backbone, 32);
        using ImageTower large = ImageTower.Load(_backbone, 64);
        await new FeatureCachingPass(small, cache, new ImageLoader()).RunAsync(ids, images);

        var pass = new FeatureCachingPass(large, cache, new ImageLoader());
        (CachedFeatureImages features, _) = await pass.RunAsync(ids, images);

        Assert.Equal((0L, 3L), (pass.Report.Hits, pass.Report.Computed));
        Assert.Equal(256 * 4 * 4, features.Entry(0, 0).Features.Length);
        Assert.Equal(6, Directory.GetFiles(cache.Directory, "*.f16", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task ABadOrMissingImage_IsListedWithItsProduct_AndTheOthersAreCached()
    {
        (string[] ids, string[] images) = Images(4);
        File.WriteAllBytes(images[1], [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        images[2] = _directory.File("no-such-image.png");
        using ImageTower tower = ImageTower.Load(_backbone, 32);
        var pass = new FeatureCachingPass(tower, new FeatureCache(_directory.File("cache")), new ImageLoader());

        (CachedFeatureImages features, DatasetRejection?[] failures) = await pass.RunAsync(ids, images);

        Assert.Null(failures[0]);
        Assert.Equal("p1", failures[1]?.ProductId);
        Assert.Equal("p2", failures[2]?.ProductId);
        Assert.Contains("no-such-image.png", failures[2]!.Reason, StringComparison.Ordinal);
        Assert.Null(failures[3]);
        Assert.Equal((2L, 2L), (pass.Report.Computed, pass.Report.Rejected));
        Assert.NotEmpty(features.Entry(3, 0).Features);
    }

    [Fact]
    public async Task AugmentedViews_AreComputedOnce_DifferFromTheImage_AndViewZeroIsTheImageItself()
    {
        (string[] ids, string[] images) = Images(3);
        using ImageTower tower = ImageTower.Load(_backbone, 32);
        var cache = new FeatureCache(_directory.File("cache"));
        (CachedFeatureImages single, _) = await new FeatureCachingPass(tower, cache, new ImageLoader()).RunAsync(ids, images);

        var pass = new FeatureCachingPass(tower, cache, new ImageLoader(), views: 3);
        (CachedFeatureImages views, _) = await pass.RunAsync(ids, images);
        var again = new FeatureCachingPass(tower, cache, new ImageLoader(), views: 3);
        (CachedFeatureImages viewsAgain, _) = await again.RunAsync(ids, images);

        Assert.Equal((3L, 6L), (pass.Report.Hits, pass.Report.Computed));
        Assert.Equal(9L, again.Report.Hits);
        Assert.Equal(3, views.Views);
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.Equal(single.Entry(i, 0).Features, views.Entry(i, 0).Features);
            Assert.NotEqual(views.Entry(i, 0).Features, views.Entry(i, 1).Features);
            Assert.Equal(views.Entry(i, 2).Features, viewsAgain.Entry(i, 2).Features);
        }
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Distinct 40 x 40 PNGs (a colour, a stripe period and a square each) in the temp folder.</summary>
    private (string[] Ids, string[] Images) Images(int count)
    {
        var ids = new string[count];
        var paths = new string[count];
        for (int i = 0; i < count; i++)
        {
            using var bitmap = new SKBitmap(40, 40);
            using (var canvas = new SKCanvas(bitmap))
            {
                canvas.Clear(new SKColor((byte)(50 * i), (byte)(200 - (30 * i)), 120));
                using var paint = new SKPaint { Color = SKColors.White };
                for (int x = 0; x < 40; x += 3 + i)
                {
                    canvas.DrawRect(x, 0, 1, 40, paint);
                }

                paint.Color = SKColors.Black;
                canvas.DrawRect(5 + (3 * i), 8, 12, 12, paint);
            }

            using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            ids[i] = $"p{i}";
            paths[i] = _directory.File($"p{i}.png");
            File.WriteAllBytes(paths[i], data.ToArray());
        }

        return (ids, paths);
    }

    private static (float[] Features, float[] Cells) Direct(ImageTower tower, string path)
    {
        float[] pixels = new ImageLoader().Load(File.ReadAllBytes(path), path, tower.ImageSize).Chw;
        using var scope = torch.NewDisposeScope();
        using var inference = torch.inference_mode();
        ImageFeatures read = tower.Read(torch.tensor(pixels, [1, 3, tower.ImageSize, tower.ImageSize]));
        return (read.Features.contiguous().data<float>().ToArray(), read.ColorCells!.contiguous().data<float>().ToArray());
    }

    private static void AssertHalfClose(float[] expected, Half[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - (float)actual[i]) <= 1e-3 + (Math.Abs(expected[i]) * 1e-3), $"value {i}: {expected[i]} cached as {actual[i]}");
        }
    }
}
