using System.Threading.Channels;

namespace M6Search.Search.Encoding;

/// <summary>
/// Micro-batching of query embeddings: callers queue texts; one loop takes the first, waits at most
/// <see cref="QueryBatchingOptions.MaxWaitMilliseconds"/> for more when none is queued, takes what is queued up to
/// <see cref="QueryBatchingOptions.MaxBatch"/>, and runs one forward pass for the batch (identical texts once) through
/// <c>embedBatch</c>. A caller that cancels stops waiting at once; its text is left out of a batch not yet started.
/// </summary>
internal sealed class QueryTextBatcher : IDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<string>, CancellationToken, Task<float[][]>> _embedBatch;
    private readonly int _maxBatch;
    private readonly TimeSpan _maxWait;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    /// <param name="embedBatch">Embeds a batch of texts (in order); it may wait for the encoder, honouring the token.</param>
    public QueryTextBatcher(QueryBatchingOptions options, Func<IReadOnlyList<string>, CancellationToken, Task<float[][]>> embedBatch)
    {
        ArgumentNullException.ThrowIfNull(options);
        _embedBatch = embedBatch ?? throw new ArgumentNullException(nameof(embedBatch));
        _maxBatch = options.MaxBatch;
        _maxWait = TimeSpan.FromMilliseconds(options.MaxWaitMilliseconds);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The embedding of <paramref name="text"/>, computed in a batch with the texts queued with it.</summary>
    public async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        var pending = new Pending(text);
        using CancellationTokenRegistration registration = cancellationToken.Register(
            static (state, token) => ((Pending)state!).Result.TrySetCanceled(token), pending);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(QueryEmbedder));
        }

        return await pending.Result.Task.ConfigureAwait(false);
    }

    /// <summary>Refuses new texts; queued ones fail with <see cref="ObjectDisposedException"/>; a batch in progress finishes.</summary>
    public void Dispose()
    {
        if (_queue.Writer.TryComplete())
        {
            _stopping.Cancel();
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                batch.Clear();
                await TakeBatchAsync(batch).ConfigureAwait(false);
                await EmbedAsync(batch).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }

        foreach (Pending left in batch)
        {
            left.Result.TrySetException(new ObjectDisposedException(nameof(QueryEmbedder)));
        }

        while (_queue.Reader.TryRead(out Pending? queued))
        {
            queued.Result.TrySetException(new ObjectDisposedException(nameof(QueryEmbedder)));
        }
    }

    private async Task TakeBatchAsync(List<Pending> batch)
    {
        DateTime deadline = DateTime.UtcNow + _maxWait;
        while (batch.Count < _maxBatch)
        {
            if (_queue.Reader.TryRead(out Pending? next))
            {
                if (!next.Result.Task.IsCompleted)
                {
                    batch.Add(next);
                }

                continue;
            }

            TimeSpan left = deadline - DateTime.UtcNow;
            if (batch.Count == 0)
            {
                // Every queued text was cancelled: wait for the next one as if from the start.
                if (!await _queue.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
                {
                    return;
                }

                deadline = DateTime.UtcNow + _maxWait;
                continue;
            }

            if (left <= TimeSpan.Zero)
            {
                return;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            wait.CancelAfter(left);
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task EmbedAsync(List<Pending> batch)
    {
        // Texts whose callers gave up while the batch formed are left out; identical texts are embedded once.
        batch.RemoveAll(p => p.Result.Task.IsCompleted);
        if (batch.Count == 0)
        {
            return;
        }

        var texts = new List<string>(batch.Count);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new int[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            if (!index.TryGetValue(batch[i].Text, out int row))
            {
                row = texts.Count;
                index[batch[i].Text] = row;
                texts.Add(batch[i].Text);
            }

            rows[i] = row;
        }

        try
        {
            float[][] vectors = await _embedBatch(texts, _stopping.Token).ConfigureAwait(false);
            var given = new bool[vectors.Length];
            for (int i = 0; i < batch.Count; i++)
            {
                // Each caller owns its array: a repeated text's callers after the first get copies.
                int row = rows[i];
                batch[i].Result.TrySetResult(given[row] ? (float[])vectors[row].Clone() : vectors[row]);
                given[row] = true;
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            foreach (Pending pending in batch)
            {
                pending.Result.TrySetException(exception);
            }
        }

        batch.Clear();
    }

    private sealed class Pending(string text)
    {
        public string Text { get; } = text;

        public TaskCompletionSource<float[]> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
