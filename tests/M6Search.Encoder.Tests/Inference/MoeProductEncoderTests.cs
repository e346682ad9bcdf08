using M6Search.Encoder.Inference;
using M6Search.Encoder.Model;
using M6Search.Encoder.Tokenization;
using TorchSharp;

namespace M6Search.Encoder.Tests.Inference;

public sealed class MoeProductEncoderTests : IDisposable
{
    private readonly MultimodalEncoder _model = new(TestConfigs.Micro with { EvalCapacityFactor = 100 }, seed: 8);
    private readonly MoeProductEncoder _encoder;

    public MoeProductEncoderTests()
    {
        _encoder = new MoeProductEncoder(_model, new ProductTokenizer(TokenizerOptions.For(_model.Config)), "micro-test", torch.CPU, batchSize: 2);
    }

    [Fact]
    public void Embeddings_HaveTheConfiguredDimension_AndUnitLength()
    {
        float[][] texts = _encoder.EmbedTexts(["cup", "mug", "杯子", "bowl", "plate"]);
        float[][] images = _encoder.EmbedImages([Image(1), Image(2), Image(3)]);

        Assert.Equal(24, _encoder.Dimension);
        Assert.Equal(16, _encoder.ImageSize);
        Assert.All(texts.Concat(images), e =>
        {
            Assert.Equal(24, e.Length);
            Assert.Equal(1.0, Math.Sqrt(e.Sum(v => (double)v * v)), 4);
        });
    }

    [Fact]
    public void Batching_DoesNotChangeTheEmbeddings()
    {
        string[] texts = ["white cup", "a longer title for a bumpy ceramic coffee cup", "mug", "碗"];

        float[][] batched = _encoder.EmbedTexts(texts);
        float[][] one = texts.Select(t => _encoder.EmbedTexts([t])[0]).ToArray();

        for (int i = 0; i < texts.Length; i++)
        {
            Assert.All(batched[i].Zip(one[i]), pair => Assert.Equal(pair.First, pair.Second, 4));
        }
    }

    [Fact]
    public void Embedding_LeaksNoTensors_AcrossBatches()
    {
        _encoder.EmbedTexts(["warm up"]);
        _encoder.EmbedImages([Image(4)]);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        for (int i = 0; i < 3; i++)
        {
            _encoder.EmbedTexts(["cup", "bumpy mug", "plate"]);
            _encoder.EmbedImages([Image(5), Image(6), Image(7)]);
        }

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void EmbedImages_RejectsAWrongSizedImage_NamingItsIndex()
    {
        var error = Assert.Throws<ArgumentException>(() => _encoder.EmbedImages([Image(1), new float[10]]));

        Assert.Contains("Image 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("768", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConcurrentCalls_GiveTheSameEmbeddingsAsSequentialOnes()
    {
        string[] texts = ["cup", "bowl", "plate", "mug", "vase", "lamp"];
        float[][] sequential = texts.Select(t => _encoder.EmbedTexts([t])[0]).ToArray();

        float[][] parallel = new float[texts.Length][];
        Parallel.For(0, texts.Length, i => parallel[i] = _encoder.EmbedTexts([texts[i]])[0]);

        Assert.Equal(sequential, parallel);
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _model.Dispose();
    }

    private static float[] Image(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 3 * 16 * 16).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
    }
}
