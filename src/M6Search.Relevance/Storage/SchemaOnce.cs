namespace M6Search.Relevance.Storage;

/// <summary>Runs a table's schema script once per process; a failed attempt (a locked or missing disk) is retried next time.</summary>
public sealed class SchemaOnce
{
    private readonly SqliteFile _file;
    private readonly string _script;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public SchemaOnce(SqliteFile file, string script)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(script);
        _file = file;
        _script = script;
    }

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await _file.ExecuteAsync(_script, cancellationToken).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
