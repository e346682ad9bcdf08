using M6Search.Encoder.Inference;
using M6Search.Encoder.Model;
using M6Search.Encoder.Tokenization;
using TorchSharp;

namespace M6Search.Encoder.Tests.Inference;

/// <summary>
/// The encoder frees its model's native tensors in Dispose, and TorchSharp's own Dispose is not safe against a second
/// thread. The web app stopping during its demo indexing disposed the encoder from two threads at once (the host ran
/// both its stops concurrently) and could dispose it under a running forward pass: the test host died of "double free
/// or corruption". Dispose must free the model once, after the embeddings in progress.
/// </summary>
public sealed class EncoderDisposalTests
{
    [Fact]
    public async Task Dispose_WaitsForTheEmbeddingInProgress_ThenRefusesNewOnes()
    {
        var model = new MultimodalEncoder(TestConfigs.Micro with { EvalCapacityFactor = 100 }, seed: 3);
        var encoder = new MoeProductEncoder(model, new ProductTokenizer(TokenizerOptions.For(model.Config)), "micro-test", torch.CPU, ownsModel: true);
        using var inForwardPass = new ManualResetEventSlim();
        using var resume = new ManualResetEventSlim();
        model.register_forward_pre_hook(_ =>
        {
            inForwardPass.Set();
            resume.Wait();
        });

        Task<float[][]> embedding = Task.Factory.StartNew(() => encoder.EmbedTexts(["bumpy coffee cup"]), TaskCreationOptions.LongRunning);
        Assert.True(inForwardPass.Wait(TimeSpan.FromMinutes(1)), "the embedding never reached the forward pass");
        Task disposal = Task.Factory.StartNew(encoder.Dispose, TaskCreationOptions.LongRunning);

        // The forward pass is held inside the model: Dispose must still be waiting for it, not freeing the weights.
        Task first = await Task.WhenAny(disposal, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.NotSame(disposal, first);
        resume.Set();
        float[][] vectors = await embedding;
        await disposal;

        Assert.Equal(24, vectors[0].Length);
        Assert.Equal(1.0, Math.Sqrt(vectors[0].Sum(v => (double)v * v)), 4);
        Assert.Throws<ObjectDisposedException>(() => encoder.EmbedTexts(["cup"]));
        Assert.Throws<ObjectDisposedException>(() => encoder.EmbedImages([new float[3 * 16 * 16]]));
        encoder.Dispose();
    }

    [Fact]
    public async Task Dispose_FromSeveralThreadsAtOnce_FreesTheModelOnce()
    {
        var model = new MultimodalEncoder(TestConfigs.Micro with { EvalCapacityFactor = 100 }, seed: 4);
        var encoder = new MoeProductEncoder(model, new ProductTokenizer(TokenizerOptions.For(model.Config)), "micro-test", torch.CPU, ownsModel: true);
        using var inForwardPass = new ManualResetEventSlim();
        using var resume = new ManualResetEventSlim();
        model.register_forward_pre_hook(_ =>
        {
            inForwardPass.Set();
            resume.Wait();
        });
        Task<float[][]> embedding = Task.Factory.StartNew(() => encoder.EmbedImages([new float[3 * 16 * 16]]), TaskCreationOptions.LongRunning);
        Assert.True(inForwardPass.Wait(TimeSpan.FromMinutes(1)), "the embedding never reached the forward pass");

        // The two stops of a web host: both arrive while the forward pass runs, and both go on the moment it ends.
        Task[] disposals = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(encoder.Dispose, TaskCreationOptions.LongRunning)).ToArray();
        await Task.Delay(100);
        resume.Set();
        await embedding;
        await Task.WhenAll(disposals);

        Assert.All(model.parameters(), parameter => Assert.True(parameter.IsInvalid));
        Assert.Throws<ObjectDisposedException>(() => encoder.EmbedTexts(["cup"]));
    }
}
