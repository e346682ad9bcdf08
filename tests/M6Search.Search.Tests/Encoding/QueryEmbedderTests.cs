using M6Search.Search.Encoding;
using M6Search.Search.Tests.Fakes;

namespace M6Search.Search.Tests.Encoding;

public sealed class QueryEmbedderTests
{
    [Fact]
    public async Task EmbedTextAsync_NeverRunsTheEncoderTwiceAtOnce_WithOneSlot()
    {
        var encoder = new FakeEncoder { CallDuration = TimeSpan.FromMilliseconds(20) };
        using var embedder = new QueryEmbedder(encoder, maxConcurrentEmbeddings: 1);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => embedder.EmbedTextAsync("cup " + i))));

        Assert.Equal(8, encoder.Calls);
        Assert.Equal(1, encoder.MaxConcurrentCalls);
    }

    [Fact]
    public async Task EmbedTextAsync_StopsWaiting_WhenCancelled()
    {
        using var gate = new ManualResetEventSlim(false);
        var encoder = new FakeEncoder { Gate = gate };
        using var embedder = new QueryEmbedder(encoder, maxConcurrentEmbeddings: 1);
        Task busy = Task.Run(() => embedder.EmbedTextAsync("cup"));
        while (encoder.Calls == 0)
        {
            await Task.Delay(5);
        }

        using var cancel = new CancellationTokenSource();
        Task waiting = embedder.EmbedTextAsync("bumpy", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        gate.Set();
        await busy;
        Assert.Equal(1, encoder.Calls);
    }

    [Fact]
    public async Task AsSharedEncoder_TakesTurnsWithQueries()
    {
        var encoder = new FakeEncoder { CallDuration = TimeSpan.FromMilliseconds(10) };
        using var embedder = new QueryEmbedder(encoder, maxConcurrentEmbeddings: 1);
        var shared = embedder.AsSharedEncoder();

        Task batches = Task.Run(() =>
        {
            for (int i = 0; i < 5; i++)
            {
                shared.EmbedTexts(["cup", "bumpy"]);
            }
        });
        Task queries = Task.WhenAll(Enumerable.Range(0, 5).Select(i => Task.Run(() => embedder.EmbedTextAsync("smooth " + i))));
        await Task.WhenAll(batches, queries);

        Assert.Equal(10, encoder.Calls);
        Assert.Equal(1, encoder.MaxConcurrentCalls);
    }

    [Fact]
    public async Task Dispose_LetsTheCallInProgressFinish_AndRefusesNewCalls()
    {
        using var gate = new ManualResetEventSlim(false);
        var encoder = new FakeEncoder { Gate = gate };
        var embedder = new QueryEmbedder(encoder, maxConcurrentEmbeddings: 1);
        var shared = embedder.AsSharedEncoder();
        Task<float[][]> batch = Task.Run(() => shared.EmbedTexts(["cup", "bumpy"]));
        while (encoder.Calls == 0)
        {
            await Task.Delay(5);
        }

        embedder.Dispose();
        gate.Set();

        Assert.Equal(2, (await batch).Length);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => embedder.EmbedTextAsync("smooth"));
        Assert.Throws<ObjectDisposedException>(() => shared.EmbedTexts(["mug"]));
        Assert.Equal(1, encoder.Calls);
    }
}
