using System.Text.Json;
using M6Search.Encoder.Inference;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Serialization;

namespace M6Search.Encoder.Tests.Serialization;

/// <summary>
/// Model files written before image backbones existed (format version 1) load and embed as they did. The fixture was
/// written by main at 8223b66, with its embeddings of two queries and one image (Fixtures/micro-format1.*).
/// </summary>
public sealed class ModelFileCompatibilityTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Serialization", "Fixtures");

    [Fact]
    public void AModelFileFromBeforeBackbones_StillLoads_AndEmbedsTextsAndImagesAsBefore()
    {
        string path = Path.Combine(Fixtures, "micro-format1.m6model");
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures, "micro-format1.expected.json")));
        JsonElement root = expected.RootElement;
        string[] texts = root.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).ToArray();

        using var encoder = MoeProductEncoder.Load(path, DeviceChoice.Cpu);
        int size = encoder.ImageSize;
        float[] image = Enumerable.Range(0, 3 * size * size).Select(i => (float)Math.Sin(i * 0.37)).ToArray();
        float[][] textEmbeddings = encoder.EmbedTexts(texts);
        float[] imageEmbedding = encoder.EmbedImages([image])[0];

        ModelFileHeader header = ModelFile.ReadHeader(path);
        Assert.Equal(1, header.FormatVersion);
        Assert.Null(header.Config.Backbone);
        Assert.Equal(root.GetProperty("modelVersion").GetString(), encoder.ModelVersion);
        AssertClose(root.GetProperty("textEmbeddings")[0], textEmbeddings[0]);
        AssertClose(root.GetProperty("textEmbeddings")[1], textEmbeddings[1]);
        AssertClose(root.GetProperty("imageEmbedding"), imageEmbedding);
    }

    [Fact]
    public void AModelWithoutABackbone_IsStillWrittenAsFormatVersion1_SoEarlierBuildsReadIt()
    {
        using var directory = new TempDirectory();
        using var model = new M6Search.Encoder.Model.MultimodalEncoder(TestConfigs.Micro, seed: 1);

        ModelFileHeader header = ModelFile.Save(directory.File("plain.m6model"), model);

        Assert.Equal(1, header.FormatVersion);
        Assert.DoesNotContain("backbone", File.ReadAllText(directory.File("plain.m6model")), StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertClose(JsonElement expected, float[] actual)
    {
        float[] values = expected.EnumerateArray().Select(v => v.GetSingle()).ToArray();
        Assert.Equal(values.Length, actual.Length);
        for (int i = 0; i < values.Length; i++)
        {
            // Another CPU may round the last bits differently; a changed model would differ by far more.
            Assert.True(Math.Abs(values[i] - actual[i]) < 1e-5, $"value {i}: expected {values[i]}, got {actual[i]}");
        }
    }
}
