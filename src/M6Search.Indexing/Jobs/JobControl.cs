using System.Threading.Channels;

namespace M6Search.Indexing.Jobs;

/// <summary>
/// How a running job stops early: the token every stage watches, the first real error a stage met, and whether the
/// rejects passed the limit. Stopping is safe from any thread, also after the run is over.
/// </summary>
internal sealed class JobControl : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private Exception? _firstError;
    private volatile bool _tooManyRejects;

    /// <summary>Stops when <paramref name="cancellationToken"/> does, or when a stage fails or rejects pass the limit.</summary>
    public JobControl(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>The first error of a stage that was not a consequence of stopping; null when none failed.</summary>
    public Exception? FirstError => Volatile.Read(ref _firstError);

    /// <summary>True once more rows were rejected than <see cref="IndexJobOptions.MaxErrors"/> allows.</summary>
    public bool TooManyRejects => _tooManyRejects;

    /// <summary>Records a stage's failure (cancellation and closed channels are only echoes of an earlier stop) and stops the job.</summary>
    public void StageFailed(Exception exception)
    {
        if (exception is not OperationCanceledException and not ChannelClosedException)
        {
            Interlocked.CompareExchange(ref _firstError, exception, null);
        }

        Stop();
    }

    /// <summary>Stops the job for too many rejects (once).</summary>
    public void RejectLimitPassed()
    {
        if (_tooManyRejects)
        {
            return;
        }

        _tooManyRejects = true;
        Stop();
    }

    public void Dispose() => _stop.Dispose();

    private void Stop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run is already over.
        }
    }
}
