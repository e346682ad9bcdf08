using System.IO.Compression;
using System.Text;
using M6Search.Encoder.Backbone.Files;
using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Inference;
using M6Search.Encoder.Model;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Serialization;
using M6Search.Encoder.Tests.Backbone;
using M6Search.Encoder.Tokenization;
using TorchSharp;

namespace M6Search.Encoder.Tests.Serialization;

[Collection(BackboneCollection.Name)]
public sealed class BackboneModelFileTests : IDisposable
{
    private static readonly string[] Texts = ["white bumpy coffee cup", "凹凸的咖啡杯"];
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData(BackboneStage.Stage3, 2)]
    [InlineData(BackboneStage.Stage4, 0)]
    public void AModelWithALockedBackbone_RoundTrips_WithoutTheBackboneWeights_AndEmbedsTheSame(BackboneStage stage, int colorGrid)
    {
        EncoderConfig config = TestConfigs.MicroBackbone(stage, colorGrid: colorGrid);
        string path = _directory.File("backbone.m6model");
        float[][] images = [Image(1), Image(2), Image(3)];
        using var model = new MultimodalEncoder(config, seed: 4);
        ModelFileHeader written = ModelFile.Save(path, model);
        using var original = new MoeProductEncoder(
            model, new ProductTokenizer(written.Tokenizer), written.ModelVersion, torch.CPU, tower: ImageTower.Load(config.Backbone!, 32));

        using var loaded = MoeProductEncoder.Load(path, DeviceChoice.Cpu, dropTokensAtCapacity: true);

        Assert.Equal(original.EmbedTexts(Texts), loaded.EmbedTexts(Texts));
        Assert.Equal(original.EmbedImages(images), loaded.EmbedImages(images));
        Assert.Equal(32, loaded.ImageSize);
        ModelFileHeader header = ModelFile.ReadHeader(path);
        Assert.Equal(2, header.FormatVersion);
        Assert.Equal(config, header.Config);
        Assert.Equal(BackboneIdentity.ResNet18, header.Config.Backbone!.Identity);
        Assert.Null(header.BackboneWeightsSha256);
        using (ZipArchive zip = ZipFile.OpenRead(path))
        {
            Assert.Equal(["header.json", "weights.bin"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        }

        Assert.InRange(new FileInfo(path).Length, 1, 1_000_000); // the 45 MB of locked ResNet weights are not in it
        Assert.Contains("\"packageVersion\": \"0.24.0\"", HeaderText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void AModelThatTrainedItsLastStage_CarriesThatStage_AndServesWithIt()
    {
        EncoderConfig config = TestConfigs.MicroBackbone(BackboneStage.Stage4, BackboneTrainable.LastStage);
        string path = _directory.File("last-stage.m6model");
        float[][] images = [Image(5), Image(6)];
        using var model = new MultimodalEncoder(config, seed: 9);
        ImageTower tower = ImageTower.Load(config.Backbone!, 32);
        using (torch.no_grad())
        {
            TorchSharp.Modules.Parameter weight = tower.Backbone.Network.named_parameters().Single(p => p.name == "layer4.2.conv2.weight").parameter;
            weight.mul_(torch.tensor(1.5f));
        }

        ModelFileHeader written = ModelFile.Save(path, model, backboneWeights: tower.TrainedWeights());
        using var original = new MoeProductEncoder(model, new ProductTokenizer(written.Tokenizer), written.ModelVersion, torch.CPU, tower: tower);
        using var pristine = new MoeProductEncoder(
            new MultimodalEncoder(config, seed: 9), new ProductTokenizer(written.Tokenizer), "pristine", torch.CPU, ownsModel: true,
            tower: ImageTower.Load(config.Backbone!, 32));

        using var loaded = MoeProductEncoder.Load(path, DeviceChoice.Cpu, dropTokensAtCapacity: true);

        Assert.Equal(original.EmbedImages(images), loaded.EmbedImages(images));
        Assert.NotEqual(pristine.EmbedImages(images)[0], loaded.EmbedImages(images)[0]);
        ModelFileHeader header = ModelFile.ReadHeader(path);
        Assert.NotNull(header.BackboneWeightsSha256);
        using ZipArchive zip = ZipFile.OpenRead(path);
        long layer4 = tower.Backbone.Network.named_parameters().Where(p => p.name.StartsWith("layer4.", StringComparison.Ordinal)).Sum(p => p.parameter.numel());
        Assert.InRange(zip.GetEntry("backbone.bin")!.Length, layer4 * 4, (layer4 * 4) + 100_000); // layer4 only, not the stem or layers 1-3
    }

    [Theory]
    [InlineData("different")]
    [InlineData("missing")]
    public void Loading_RefusesAModelWhoseBackboneIsMissingOrDifferent_NamingThePackageVersionAndHash(string problem)
    {
        BackboneIdentity identity = problem == "different"
            ? BackboneIdentity.ResNet18 with { NetworkSha256 = new string('a', 64) }
            : BackboneIdentity.ResNet18 with { NetworkPath = "DnnImageModels/ResNet18Onnx/Missing.onnx" };
        EncoderConfig config = TestConfigs.MicroBackbone(identity: identity);
        string path = _directory.File("other-backbone.m6model");
        using (var model = new MultimodalEncoder(config, seed: 1))
        {
            ModelFile.Save(path, model);
        }

        var error = Assert.Throws<ModelFileException>(() => MoeProductEncoder.Load(path, DeviceChoice.Cpu));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("Microsoft.ML.DnnImageFeaturizer.ResNet18 0.24.0", error.Message, StringComparison.Ordinal);
        Assert.Contains(identity.NetworkSha256, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem == "different" ? "a different file" : "not there", error.Message, StringComparison.Ordinal);
        Assert.IsType<BackboneFileException>(error.InnerException);
    }

    [Fact]
    public void Loading_RefusesAHeaderWhoseBackboneAndEntriesDisagree()
    {
        string path = _directory.File("inconsistent.m6model");
        using (var model = new MultimodalEncoder(TestConfigs.MicroBackbone(), seed: 2))
        {
            ModelFile.Save(path, model);
        }

        string header = HeaderText(path);
        RewriteHeader(path, header.Replace("\"trained\": \"None\"", "\"trained\": \"LastStage\"", StringComparison.Ordinal));
        Assert.Contains("names no 'backbone.bin'", Assert.Throws<ModelFileException>(() => ModelFile.Load(path)).Message, StringComparison.Ordinal);

        RewriteHeader(path, header.Replace("\"formatVersion\": 2", "\"formatVersion\": 1", StringComparison.Ordinal));
        Assert.Contains("backbone encoders are version 2", Assert.Throws<ModelFileException>(() => ModelFile.Load(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_RequiresTheTrainedBackboneWeights_ExactlyWhenTheConfigTrainedThem()
    {
        using var locked = new MultimodalEncoder(TestConfigs.MicroBackbone(), seed: 1);
        using var trained = new MultimodalEncoder(TestConfigs.MicroBackbone(trained: BackboneTrainable.All), seed: 1);

        Assert.Throws<ArgumentException>(() => ModelFile.Save(_directory.File("a.m6model"), locked, backboneWeights: [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => ModelFile.Save(_directory.File("b.m6model"), trained));
    }

    public void Dispose() => _directory.Dispose();

    private static string HeaderText(string path)
    {
        using ZipArchive zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("header.json")!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void RewriteHeader(string path, string header)
    {
        using ZipArchive zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry("header.json")!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("header.json", CompressionLevel.NoCompression).Open(), new UTF8Encoding(false));
        writer.Write(header);
    }

    private static float[] Image(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 3 * 32 * 32).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
    }
}
