namespace M6Search.Indexer.Output;

/// <summary>
/// Handles each report on the reporting thread, one at a time and in order (unlike <see cref="Progress{T}"/>, which
/// posts to the thread pool when there is no synchronisation context, as in a console app).
/// </summary>
public sealed class SynchronousProgress<T> : IProgress<T>
{
    private readonly Action<T> _handler;
    private readonly Lock _lock = new();

    public SynchronousProgress(Action<T> handler)
    {
        _handler = handler;
    }

    public void Report(T value)
    {
        lock (_lock)
        {
            _handler(value);
        }
    }
}
