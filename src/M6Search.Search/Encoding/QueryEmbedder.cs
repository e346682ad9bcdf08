using M6Search.Encoder;

namespace M6Search.Search.Encoding;

/// <summary>
/// The encoder as the search path uses it: one text or one image at a time, at most
/// <c>M6:Search:MaxConcurrentEmbeddings</c> at once. The encoder's work is synchronous TorchSharp code
/// with a dispose scope inside each call; the wait for a slot is the only await, and it happens before the call.
/// Limiting concurrency keeps a burst of searches from oversubscribing the CPU threads libtorch already uses.
/// With a <see cref="QueryEmbeddingCache"/>, a query text seen before (same model, same text as the tokenizer reads it)
/// is answered from the cache without waiting for a slot. With <see cref="QueryBatchingOptions"/>, query texts that
/// queue together are embedded in one forward pass (<see cref="QueryTextBatcher"/>).
/// </summary>
public sealed class QueryEmbedder : IDisposable
{
    private readonly IProductEncoder _encoder;
    private readonly SemaphoreSlim _slots;
    private readonly QueryEmbeddingCache? _cache;
    private readonly QueryTextBatcher? _batcher;
    private volatile bool _closed;

    /// <param name="encoder">The encoder; it belongs to the caller.</param>
    /// <param name="maxConcurrentEmbeddings">Encoder calls at once (queries, query batches, photos and indexing batches).</param>
    /// <param name="cache">Kept query embeddings; null embeds every query.</param>
    /// <param name="batching">Query texts embedded together; null (or a <see cref="QueryBatchingOptions.MaxBatch"/> of 1) embeds each alone.</param>
    public QueryEmbedder(
        IProductEncoder encoder, int maxConcurrentEmbeddings = 1, QueryEmbeddingCache? cache = null, QueryBatchingOptions? batching = null)
    {
        _encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConcurrentEmbeddings);
        _slots = new SemaphoreSlim(maxConcurrentEmbeddings, maxConcurrentEmbeddings);
        _cache = cache;
        if (batching is not null)
        {
            IReadOnlyList<string> errors = batching.Validate("QueryBatching");
            if (errors.Count > 0)
            {
                throw new ArgumentException(string.Join(" ", errors), nameof(batching));
            }

            if (batching.MaxBatch > 1)
            {
                _batcher = new QueryTextBatcher(batching, EmbedBatchAsync);
            }
        }
    }

    /// <summary>Length of every embedding.</summary>
    public int Dimension => _encoder.Dimension;

    /// <summary>Side of the square images <see cref="EmbedImageAsync"/> takes.</summary>
    public int ImageSize => _encoder.ImageSize;

    /// <summary>The model's version.</summary>
    public string ModelVersion => _encoder.ModelVersion;

    /// <summary>The embedding of one query text (from the cache when it holds the text's key).</summary>
    public async Task<float[]> EmbedTextAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ThrowIfClosed();
        QueryEmbeddingKey key = default;
        if (_cache is not null)
        {
            key = QueryEmbeddingKey.For(_encoder.ModelVersion, text);
            if (_cache.TryGet(key) is { } cached)
            {
                return cached;
            }
        }

        float[] vector;
        if (_batcher is not null)
        {
            vector = await _batcher.EmbedAsync(text, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                ThrowIfClosed();
                vector = _encoder.EmbedTexts([text])[0];
            }
            finally
            {
                _slots.Release();
            }
        }

        _cache?.Add(key, vector);
        return vector;
    }

    /// <summary>The embedding of one preprocessed image (3 x ImageSize x ImageSize, channel-major).</summary>
    public async Task<float[]> EmbedImageAsync(float[] chw, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chw);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfClosed();
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
            ThrowIfClosed();
            return work(_encoder);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// The encoder behind the same slots, for a caller that needs an <see cref="IProductEncoder"/> (the indexing
    /// pipeline's encoder thread): each batch waits for a slot synchronously, so batches and queries take turns.
    /// </summary>
    public IProductEncoder AsSharedEncoder() => new SlotEncoder(this);

    /// <summary>
    /// Refuses new calls (they throw <see cref="ObjectDisposedException"/>). Calls in progress finish: the slots are not
    /// disposed, because a caller may still hold or wait for one, and the encoder belongs to whoever created this
    /// embedder (<c>MoeProductEncoder.Dispose</c> waits for the embeddings in progress).
    /// </summary>
    public void Dispose()
    {
        _closed = true;
        _batcher?.Dispose();
    }

    /// <summary>One forward pass for a batch of query texts, in a slot like any other encoder call.</summary>
    private async Task<float[][]> EmbedBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfClosed();
            return _encoder.EmbedTexts(texts);
        }
        finally
        {
            _slots.Release();
        }
    }

    private void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_closed, this);

    private sealed class SlotEncoder(QueryEmbedder owner) : IProductEncoder
    {
        public int Dimension => owner._encoder.Dimension;

        public int ImageSize => owner._encoder.ImageSize;

        public string ModelVersion => owner._encoder.ModelVersion;

        public float[][] EmbedTexts(IReadOnlyList<string> texts) => Run(encoder => encoder.EmbedTexts(texts));

        public float[][] EmbedImages(IReadOnlyList<float[]> images) => Run(encoder => encoder.EmbedImages(images));

        // The owner's encoder belongs to whoever created the owner.
        public void Dispose()
        {
        }

        private float[][] Run(Func<IProductEncoder, float[][]> work)
        {
            owner._slots.Wait();
            try
            {
                owner.ThrowIfClosed();
                return work(owner._encoder);
            }
            finally
            {
                owner._slots.Release();
            }
        }
    }
}
