using M6Search.Encoder.Inference;
using M6Search.Encoder.Model;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Serialization;
using TorchSharp;

namespace M6Search.Encoder.Tests.Inference;

/// <summary>
/// A loaded encoder embeds an item the same alone or in a batch, even with a collapsed router (every token sent to
/// one expert), unless Switch's evaluation capacity is asked for.
/// </summary>
public sealed class LoadedEncoderRoutingTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void LoadedEncoder_EmbedsAnImageAloneAsInABatch_WhenTheRouterSendsEveryTokenToOneExpert()
    {
        string path = CollapsedModel();
        using var encoder = MoeProductEncoder.Load(path, DeviceChoice.Cpu, batchSize: 8);

        (float[] alone, float[] batched) = AloneAndBatched(encoder);

        Assert.All(alone.Zip(batched), pair => Assert.Equal(pair.First, pair.Second, 4));
    }

    [Fact]
    public void LoadedEncoder_EmbedsAQueryAloneAsInABatchOfLongerAndShorterQueries()
    {
        // The search app batches the query texts that queue together (QueryEmbedder's micro-batching): padding to the
        // longest text and the batch mates' tokens must not change a query's embedding.
        string path = CollapsedModel();
        using var encoder = MoeProductEncoder.Load(path, DeviceChoice.Cpu, batchSize: 8);
        string[] queries = ["cup", "bumpy coffee cup with a handle and a saucer", "凹凸的咖啡杯", "red", "striped canvas tote bag"];

        float[][] batched = encoder.EmbedTexts(queries);

        for (int i = 0; i < queries.Length; i++)
        {
            float[] alone = encoder.EmbedTexts([queries[i]])[0];
            Assert.All(alone.Zip(batched[i]), pair => Assert.Equal(pair.First, pair.Second, 4));
        }
    }

    [Fact]
    public void LoadedEncoder_WithSwitchEvaluationCapacity_LetsBatchMatesChangeAnEmbedding()
    {
        string path = CollapsedModel();
        using var encoder = MoeProductEncoder.Load(path, DeviceChoice.Cpu, batchSize: 8, dropTokensAtCapacity: true);

        (float[] alone, float[] batched) = AloneAndBatched(encoder);

        double difference = alone.Zip(batched).Max(pair => Math.Abs(pair.First - pair.Second));
        Assert.True(difference > 1e-3, $"expected dropped tokens to change the embedding, largest difference {difference}");
    }

    public void Dispose() => _directory.Dispose();

    private static (float[] Alone, float[] Batched) AloneAndBatched(MoeProductEncoder encoder)
    {
        float[][] images = Enumerable.Range(1, 8).Select(RandomImage).ToArray();
        float[] batched = encoder.EmbedImages(images)[5];
        float[] alone = encoder.EmbedImages([images[5]])[0];
        return (alone, batched);
    }

    private string CollapsedModel()
    {
        string path = _directory.File("collapsed.m6model");
        using var model = new MultimodalEncoder(TestConfigs.Micro with { MinExpertCapacity = 0 }, seed: 5);
        using (torch.no_grad())
        {
            foreach (EncoderLayer layer in model.Layers)
            {
                // Equal logits: every token's top-1 is expert 0, far past its capacity at factor 2.0.
                layer.Moe?.RouterWeight.zero_();
            }
        }

        ModelFile.Save(path, model);
        return path;
    }

    private static float[] RandomImage(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 3 * 16 * 16).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
    }
}
