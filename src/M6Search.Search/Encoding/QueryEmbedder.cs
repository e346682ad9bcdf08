using M6Search.Encoder;

namespace M6Search.Search.Encoding;

/// <summary>
/// The encoder as the search path uses it: one text or one image at a time, at most
/// <c>M6:Search:MaxConcurrentEmbeddings</c> at once. The encoder's work is synchronous TorchSharp code
/// with a dispose scope inside each call; the wait for a slot is the only await, and it happens before the call.
/// Limiting concurrency keeps a burst of searches from oversubscribing the CPU threads libtorch already uses.
/// </summary>
public sealed class QueryEmbedder : IDisposable
{
    private readonly IProductEncoder _encoder;
    private readonly SemaphoreSlim _slots;

    public QueryEmbedder(IProductEncoder encoder, int maxConcurrentEmbeddings = 1)
    {
        _encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConcurrentEmbeddings);
        _slots = new SemaphoreSlim(maxConcurrentEmbeddings, maxConcurrentEmbeddings);
    }

    /// <summary>Length of every embedding.</summary>
    public int Dimension => _encoder.Dimension;

    /// <summary>Side of the square images <see cref="EmbedImageAsync"/> takes.</summary>
    public int ImageSize => _encoder.ImageSize;

    /// <summary>The model's version.</summary>
    public string ModelVersion => _encoder.ModelVersion;

    /// <summary>The embedding of one query text.</summary>
    public async Task<float[]> EmbedTextAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _encoder.EmbedTexts([text])[0];
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>The embedding of one preprocessed image (3 x ImageSize x ImageSize, channel-major).</summary>
    public async Task<float[]> EmbedImageAsync(float[] chw, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chw);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _encoder.EmbedImages([chw])[0];
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Runs a batch (for example an indexing batch) in the same slots as the queries.</summary>
    public async Task<T> RunAsync<T>(Func<IProductEncoder, T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return work(_encoder);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
