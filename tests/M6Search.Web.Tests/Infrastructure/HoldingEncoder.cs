using M6Search.Encoder;

namespace M6Search.Web.Tests.Infrastructure;

/// <summary>
/// The real encoder, except that every call after the first <c>passing</c> ones waits for <see cref="Release"/>: a
/// test can stop the app while a batch of its indexing is certainly still to run.
/// </summary>
internal sealed class HoldingEncoder(IProductEncoder inner, int passing) : IProductEncoder
{
    private readonly ManualResetEventSlim _released = new();
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public int Dimension => inner.Dimension;

    public int ImageSize => inner.ImageSize;

    public string ModelVersion => inner.ModelVersion;

    /// <summary>Completes once a call is being held.</summary>
    public Task Holding => _holding.Task;

    public void Release() => _released.Set();

    public float[][] EmbedTexts(IReadOnlyList<string> texts)
    {
        Hold();
        return inner.EmbedTexts(texts);
    }

    public float[][] EmbedImages(IReadOnlyList<float[]> images)
    {
        Hold();
        return inner.EmbedImages(images);
    }

    public void Dispose() => inner.Dispose();

    private void Hold()
    {
        if (Interlocked.Increment(ref _calls) > passing)
        {
            _holding.TrySetResult();
            _released.Wait();
        }
    }
}
