using System.IO.Compression;
using System.Text;
using M6Search.Encoder.Inference;
using M6Search.Encoder.Model;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Serialization;
using M6Search.Encoder.Tokenization;
using TorchSharp;

namespace M6Search.Encoder.Tests.Serialization;

public sealed class ModelFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData(PatchStem.Linear)]
    [InlineData(PatchStem.Conv)]
    public void SaveThenLoad_GivesIdenticalEmbeddings(PatchStem stem)
    {
        EncoderConfig config = TestConfigs.Micro with { PatchStem = stem };
        string path = _directory.File("model.m6model");
        string[] texts = ["white bumpy coffee cup", "凹凸的咖啡杯", "red dress"];
        float[][] images = [RandomImage(1), RandomImage(2)];
        using var model = new MultimodalEncoder(config, seed: 21);
        var provenance = new TrainingProvenance { Command = "m6 train --config micro", Steps = 3, Metrics = new Dictionary<string, double> { ["loss"] = 1.5 } };
        ModelFileHeader written = ModelFile.Save(path, model, provenance: provenance);
        using var original = new MoeProductEncoder(model, new ProductTokenizer(written.Tokenizer), written.ModelVersion, torch.CPU);

        using var loaded = MoeProductEncoder.Load(path, DeviceChoice.Cpu, dropTokensAtCapacity: true); // the same routing as the original

        Assert.Equal(written.ModelVersion, loaded.ModelVersion);
        Assert.Equal(original.EmbedTexts(texts), loaded.EmbedTexts(texts));
        Assert.Equal(original.EmbedImages(images), loaded.EmbedImages(images));
        ModelFileHeader header = ModelFile.ReadHeader(path);
        Assert.Equal(config, header.Config);
        Assert.Equal(3, header.Provenance!.Steps);
        Assert.Equal(1.5, header.Provenance.Metrics!["loss"]);
        Assert.StartsWith("micro-", header.ModelVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_IsAtomic_LeavingNoTemporaryFiles_AndReplacingAnOldFile()
    {
        string path = _directory.File("model.m6model");
        using var first = new MultimodalEncoder(TestConfigs.Micro, seed: 1);
        using var second = new MultimodalEncoder(TestConfigs.Micro, seed: 2);

        string v1 = ModelFile.Save(path, first).ModelVersion;
        string v2 = ModelFile.Save(path, second).ModelVersion;

        Assert.NotEqual(v1, v2);
        Assert.Equal(v2, ModelFile.ReadHeader(path).ModelVersion);
        Assert.Equal(new[] { path }, Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public void Load_ReportsATruncatedFile_NamingIt()
    {
        string path = SavedModel();
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReportsCorruptWeights()
    {
        string path = SavedModel();
        RewriteEntry(path, "weights.bin", bytes =>
        {
            bytes[bytes.Length / 2] ^= 0xFF;
            return bytes;
        });

        var error = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));

        Assert.Contains("weights.bin", error.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RefusesAnotherFormatVersion()
    {
        string path = SavedModel();
        RewriteEntry(path, "header.json", bytes => Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(bytes).Replace("\"formatVersion\": 1", "\"formatVersion\": 3", StringComparison.Ordinal)));

        var error = Assert.Throws<ModelFileException>(() => ModelFile.ReadHeader(path));

        Assert.Contains("format version 3", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RefusesAConfigOtherThanTheExpectedOne()
    {
        string path = SavedModel();

        var error = Assert.Throws<ModelFileException>(() => ModelFile.Load(path, expectedConfig: TestConfigs.Micro with { Name = "other", Layers = 4 }));

        Assert.Contains("'micro'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'other'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReportsWeightsThatDoNotFitTheConfig()
    {
        string path = SavedModel();
        RewriteEntry(path, "header.json", bytes => Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(bytes).Replace("\"modelDim\": 32", "\"modelDim\": 64", StringComparison.Ordinal)));

        var error = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));

        Assert.Contains("do not fit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReportsAMissingFile_AndAFileThatIsNotAModel()
    {
        string missing = _directory.File("nope.m6model");
        string text = _directory.File("notes.txt");
        File.WriteAllText(text, "hello");

        Assert.Contains("does not exist", Assert.Throws<ModelFileException>(() => ModelFile.Load(missing)).Message, StringComparison.Ordinal);
        Assert.Contains(text, Assert.Throws<ModelFileException>(() => ModelFile.Load(text)).Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private string SavedModel()
    {
        string path = _directory.File("model.m6model");
        using var model = new MultimodalEncoder(TestConfigs.Micro, seed: 3);
        ModelFile.Save(path, model);
        return path;
    }

    private static void RewriteEntry(string path, string name, Func<byte[], byte[]> change)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        ZipArchiveEntry entry = zip.GetEntry(name)!;
        byte[] content;
        using (var buffer = new MemoryStream())
        {
            using (Stream input = entry.Open())
            {
                input.CopyTo(buffer);
            }

            content = change(buffer.ToArray());
        }

        entry.Delete();
        using Stream output = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        output.Write(content);
    }

    private static float[] RandomImage(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 3 * 16 * 16).Select(_ => (float)random.NextDouble()).ToArray();
    }
}
