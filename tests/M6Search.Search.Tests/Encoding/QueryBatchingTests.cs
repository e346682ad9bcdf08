using M6Search.Search.Encoding;
using M6Search.Search.Searching;
using M6Search.Search.Tests.Fakes;

namespace M6Search.Search.Tests.Encoding;

public sealed class QueryBatchingTests
{
    private static readonly QueryBatchingOptions Batching = new() { MaxBatch = 16 };

    [Fact]
    public async Task EmbedTextAsync_EmbedsQueriesThatQueueWhileTheEncoderIsBusy_InOneForwardPass()
    {
        using var gate = new ManualResetEventSlim(false);
        var encoder = new FakeEncoder { Gate = gate };
        using var embedder = new QueryEmbedder(encoder, batching: Batching);
        Task<float[]> first = embedder.EmbedTextAsync("cup");
        await WaitForCallsAsync(encoder, 1);

        Task<float[]>[] queued = new[] { "bumpy", "smooth", "vase", "bumpy mug", "smooth cup" }.Select(t => embedder.EmbedTextAsync(t)).ToArray();
        gate.Set();
        float[][] vectors = await Task.WhenAll(queued);

        Assert.Equal(FakeEncoder.Axis(2), await first);
        Assert.Equal([1, 5], encoder.TextBatchSizes);
        Assert.Equal([FakeEncoder.Axis(0), FakeEncoder.Axis(1), FakeEncoder.Axis(3), FakeEncoder.Axis(0), FakeEncoder.Axis(1)], vectors);
    }

    [Fact]
    public async Task EmbedTextAsync_NeverPutsMoreThanMaxBatchTextsInOnePass()
    {
        using var gate = new ManualResetEventSlim(false);
        var encoder = new FakeEncoder { Gate = gate };
        using var embedder = new QueryEmbedder(encoder, batching: new QueryBatchingOptions { MaxBatch = 3 });
        Task<float[]> first = embedder.EmbedTextAsync("cup");
        await WaitForCallsAsync(encoder, 1);

        Task<float[]>[] queued = Enumerable.Range(0, 7).Select(i => embedder.EmbedTextAsync("cup " + i)).ToArray();
        gate.Set();
        await Task.WhenAll(queued.Append(first));

        Assert.Equal([1, 3, 3, 1], encoder.TextBatchSizes);
    }

    [Fact]
    public async Task EmbedTextAsync_EmbedsARepeatedTextOnce_AndGivesEachCallerItsOwnArray()
    {
        using var gate = new ManualResetEventSlim(false);
        var encoder = new FakeEncoder { Gate = gate };
        using var embedder = new QueryEmbedder(encoder, batching: Batching);
        Task<float[]> first = embedder.EmbedTextAsync("vase");
        await WaitForCallsAsync(encoder, 1);

        Task<float[]> one = embedder.EmbedTextAsync("bumpy cup");
        Task<float[]> two = embedder.EmbedTextAsync("bumpy cup");
        gate.Set();
        await Task.WhenAll(first, one, two);

        Assert.Equal([1, 1], encoder.TextBatchSizes);
        Assert.Equal(await one, await two);
        Assert.NotSame(await one, await two);
    }

    [Fact]
    public async Task EmbedTextAsync_StopsWaiting_WhenCancelled_AndLeavesTheTextOutOfTheBatch()
    {
        using var gate = new ManualResetEventSlim(false);
        var encoder = new FakeEncoder { Gate = gate };
        using var embedder = new QueryEmbedder(encoder, batching: Batching);
        Task<float[]> first = embedder.EmbedTextAsync("cup");
        await WaitForCallsAsync(encoder, 1);

        using var cancel = new CancellationTokenSource();
        Task<float[]> cancelled = embedder.EmbedTextAsync("bumpy", cancel.Token);
        Task<float[]> kept = embedder.EmbedTextAsync("smooth");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.Set();
        Assert.Equal(FakeEncoder.Axis(1), await kept);
        await first;
        Assert.Equal([1, 1], encoder.TextBatchSizes);
    }

    [Fact]
    public async Task EmbedTextAsync_PutsABatchInTheCache_SoARepeatNeedsNoPass()
    {
        var encoder = new FakeEncoder();
        var cache = new QueryEmbeddingCache(new QueryEmbeddingCacheOptions());
        using var embedder = new QueryEmbedder(encoder, cache: cache, batching: Batching);

        await embedder.EmbedTextAsync("bumpy cup");
        await embedder.EmbedTextAsync("Bumpy Cup");

        Assert.Equal(1, encoder.Calls);
    }

    [Fact]
    public async Task Dispose_FailsQueuedTexts_AndLetsThePassInProgressFinish()
    {
        using var gate = new ManualResetEventSlim(false);
        var encoder = new FakeEncoder { Gate = gate };
        var embedder = new QueryEmbedder(encoder, batching: Batching);
        Task<float[]> running = embedder.EmbedTextAsync("cup");
        await WaitForCallsAsync(encoder, 1);
        Task<float[]> queued = embedder.EmbedTextAsync("bumpy");

        embedder.Dispose();
        gate.Set();

        Assert.Equal(FakeEncoder.Axis(2), await running);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => embedder.EmbedTextAsync("smooth"));
        Assert.Equal(1, encoder.Calls);
    }

    [Fact]
    public void Validate_NamesTheKeys_OfBadBatching()
    {
        var options = new ProductSearchOptions { QueryBatching = new QueryBatchingOptions { MaxBatch = 0, MaxWaitMilliseconds = -1 } };

        IReadOnlyList<string> errors = options.Validate();

        Assert.Contains(errors, e => e.Contains("M6:Search:QueryBatching:MaxBatch", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("M6:Search:QueryBatching:MaxWaitMilliseconds", StringComparison.Ordinal));
    }

    private static async Task WaitForCallsAsync(FakeEncoder encoder, int calls)
    {
        while (encoder.Calls < calls)
        {
            await Task.Delay(5);
        }
    }
}
