using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Model;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Serialization;
using M6Search.Encoder.Tests.Backbone;
using M6Search.Encoder.Training;
using M6Search.Encoder.Training.Reporting;
using M6Search.Encoder.Training.Runs;
using SkiaSharp;

namespace M6Search.Encoder.Tests.Training.Runs;

[Collection(BackboneCollection.Name)]
public sealed class BackboneTrainingRunTests : IDisposable
{
    private static readonly (string English, string Chinese, SKColor Colour)[] Colours =
    [
        ("red", "红色", SKColors.Red), ("green", "绿色", SKColors.Green), ("blue", "蓝色", SKColors.Blue), ("yellow", "黄色", SKColors.Yellow),
        ("purple", "紫色", SKColors.Purple), ("cyan", "青色", SKColors.Cyan), ("white", "白色", SKColors.White), ("black", "黑色", SKColors.Black),
    ];

    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task TheLoss_Falls_OnATinyConfig_WithALockedBackbone_AndAResumeTakesTheFeaturesFromTheCache()
    {
        string data = ColourFolder();
        var options = new TrainingRunOptions
        {
            DataDirectory = data,
            ModelPath = _directory.File(Path.Combine("out", "locked.m6model")),
            Config = "tiny",
            Backbone = "resnet18",
            ImageSize = 32,
            ColorGrid = 2,
            Steps = 40,
            BatchSize = 8,
            PeakLearningRate = 2e-3,
            WarmupSteps = 5,
            CheckpointEvery = 0,
            Device = DeviceChoice.Cpu,
        };

        TrainingRunResult result = await TrainingRun.RunAsync(options);

        var curve = MetricsCsv.ReadCurve(result.Files.Metrics);
        double first = curve.Take(3).Average(c => c.Loss);
        double last = curve.TakeLast(5).Average(c => c.Loss);
        Assert.True(last < first * 0.5, $"the loss went from {first:F3} to {last:F3}");
        Assert.True(curve.TakeLast(5).Average(c => c.Accuracy) > 0.6, "accuracy stayed low");
        Assert.Equal((0L, 8L), (result.FeatureCaching!.Hits, result.FeatureCaching.Computed));
        ModelFileHeader header = ModelFile.ReadHeader(result.Files.Model);
        Assert.Equal(BackboneTrainable.None, header.Config.Backbone!.Trained);
        Assert.Equal("tiny-resnet18-s3-c2x2-32px", header.Config.Name);
        Assert.True(Directory.Exists(Path.Combine(data, "feature-cache")));

        TrainingRunResult resumed = await TrainingRun.RunAsync(options with { Resume = true, Steps = 42 });

        Assert.Equal(42, resumed.Steps);
        Assert.Equal((8L, 0L, 0L), (resumed.FeatureCaching!.Hits, resumed.FeatureCaching.Computed, resumed.FeatureCaching.Recomputed));
    }

    [Fact]
    public async Task ARunFromAModelWithoutABackbone_RefusesToAddOne_AndPatchOptionsAreRefusedWithABackbone()
    {
        string initial = _directory.File("plain.m6model");
        using (var model = new MultimodalEncoder(TestConfigs.Micro, seed: 1))
        {
            ModelFile.Save(initial, model);
        }

        var options = new TrainingRunOptions
        {
            DataDirectory = ColourFolder(),
            ModelPath = _directory.File("from-plain.m6model"),
            InitFrom = initial,
            Backbone = "resnet18",
            Device = DeviceChoice.Cpu,
        };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TrainingRun.RunAsync(options));
        Assert.Contains("own patch tokens", refused.Message, StringComparison.Ordinal);

        var patch = Assert.Throws<ArgumentException>(() => (options with { InitFrom = null, PatchSize = 4 }).ToEncoderConfig());
        Assert.Contains("--patch-size", patch.Message, StringComparison.Ordinal);
        Assert.Contains("multiple of 32", Assert.Throws<ArgumentException>(() => (options with { InitFrom = null, ImageSize = 100 }).ToEncoderConfig()).Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Eight products, one solid colour each (with a little noise), titled with its English and described with its Chinese name.</summary>
    private string ColourFolder()
    {
        string folder = _directory.File("colours");
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        var catalog = new List<string>();
        var pairs = new List<string>();
        var random = new Random(3);
        for (int i = 0; i < Colours.Length; i++)
        {
            using (var bitmap = new SKBitmap(40, 40))
            {
                for (int y = 0; y < 40; y++)
                {
                    for (int x = 0; x < 40; x++)
                    {
                        SKColor c = Colours[i].Colour;
                        int noise = random.Next(-12, 13);
                        bitmap.SetPixel(x, y, new SKColor(Clamp(c.Red + noise), Clamp(c.Green + noise), Clamp(c.Blue + noise)));
                    }
                }

                using SKData png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                File.WriteAllBytes(Path.Combine(folder, "images", $"c{i}.png"), png.ToArray());
            }

            catalog.Add($$"""{"id":"c{{i}}","title":"{{Colours[i].English}}","image":"images/c{{i}}.png","lang":"en"}""");
            pairs.Add($$"""{"productId":"c{{i}}","image":"images/c{{i}}.png","text":"{{Colours[i].Chinese}}","lang":"zh"}""");
        }

        File.WriteAllLines(Path.Combine(folder, "catalog.jsonl"), catalog);
        File.WriteAllLines(Path.Combine(folder, "pairs.jsonl"), pairs);
        return folder;
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
