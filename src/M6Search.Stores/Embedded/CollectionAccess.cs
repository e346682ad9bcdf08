using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded.Storage;
using Microsoft.Data.Sqlite;

namespace M6Search.Stores.Embedded;

/// <summary>
/// The lifetime of an open collection and who may touch it when: the lock file, the writer connection, the in-memory
/// index and the reader sessions, one writer at a time, readers in parallel, and dispose.
/// </summary>
/// <remarks>
/// Writers queue on a gate and prepare their batch without blocking readers; a batch's commit and its in-memory update
/// happen together under the write lock, so readers (under the read lock) see all of a batch or none of it. If a batch
/// commits but cannot be indexed, the collection is marked faulted and every later call fails until it is reopened.
/// </remarks>
internal sealed class CollectionAccess : IAsyncDisposable
{
    private readonly CollectionLocation _location;
    private readonly FileStream _lockFile;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private CollectionState? _state;
    private ReadSessionPool? _sessions;
    private string? _faultReason;
    private volatile bool _disposed;
    private int _disposeStarted;

    private CollectionAccess(CollectionLocation location, FileStream lockFile, CollectionFile file)
    {
        _location = location;
        _lockFile = lockFile;
        File = file;
    }

    /// <summary>The writer connection; use it only inside <see cref="WriteAsync"/>.</summary>
    public CollectionFile File { get; }

    /// <summary>The in-memory index, or null while the collection does not exist; the writer may read it unlocked.</summary>
    public CollectionState? State => _state;

    /// <summary>
    /// Takes the collection's lock and opens its file; when the file holds a collection, loads the index from it. On
    /// failure nothing stays open.
    /// </summary>
    public static CollectionAccess Open(CollectionLocation location, CancellationToken cancellationToken)
    {
        const string operation = "open";
        FileStream lockFile = CollectionLock.Acquire(operation, location);
        CollectionFile? file = null;
        try
        {
            file = new CollectionFile(location.FilePath, location.Options.DurableCommits);
            var access = new CollectionAccess(location, lockFile, file);
            StoreErrors.Wrap(operation, location.Collection, () =>
            {
                StoredSchema? schema = file.ReadSchema();
                if (schema is not null)
                {
                    access.Install(CollectionLoader.Load(file, schema, location.Options, cancellationToken));
                }

                return true;
            });
            return access;
        }
        catch (Exception exception)
        {
            file?.Dispose();
            lockFile.Dispose();
            if (exception is SqliteException sqlite)
            {
                throw StoreErrors.FromSqlite(operation, location.Collection, sqlite);
            }

            throw;
        }
    }

    /// <summary>Creates the collection's tables and an empty index. Call inside <see cref="WriteAsync"/>.</summary>
    public void Create(StoredSchema schema)
    {
        File.Create(schema);
        Install(new CollectionState(schema, _location.Options.Quantization, _location.Options.RowsPerBlock));
    }

    public CollectionState RequireState() =>
        _state ?? throw new StoreRequestException("the collection does not exist; call EnsureCollectionAsync first.");

    /// <summary>Commits a batch and applies it to the index under the write lock, so readers see both or neither.</summary>
    public void CommitAndApply(SqliteTransaction transaction, Action apply)
    {
        _lock.EnterWriteLock();
        try
        {
            transaction.Commit();
            try
            {
                apply();
            }
            catch (Exception exception)
            {
                _faultReason = $"the batch was committed but the in-memory index could not be updated ({exception.Message}); reopen the store.";
                throw;
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Runs <paramref name="body"/> as the only writer; its errors become <see cref="VectorStoreException"/>s.</summary>
    public Task WriteAsync(string operation, Action body, CancellationToken cancellationToken)
    {
        try
        {
            ThrowIfUnusable();
        }
        catch (Exception exception)
        {
            return Task.FromException(exception);
        }

        return WriteCoreAsync(operation, body, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="body"/> under the read lock with a reader session of an existing collection (synchronously;
    /// the returned task is complete); its errors become <see cref="VectorStoreException"/>s.
    /// </summary>
    public Task<T> ReadAsync<T>(string operation, Func<CollectionState, ReadSession, T> body, CancellationToken cancellationToken) =>
        RunAsync(operation, () =>
        {
            _lock.EnterReadLock();
            try
            {
                ThrowIfUnusable();
                CollectionState state = RequireState();
                ReadSession session = _sessions!.Rent();
                try
                {
                    return body(state, session);
                }
                finally
                {
                    _sessions.Return(session);
                }
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }, cancellationToken);

    /// <summary>Runs <paramref name="body"/> without a lock (synchronously); its errors become <see cref="VectorStoreException"/>s.</summary>
    public Task<T> RunAsync<T>(string operation, Func<T> body, CancellationToken cancellationToken)
    {
        try
        {
            ThrowIfUnusable();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(StoreErrors.Wrap(operation, _location.Collection, body));
        }
        catch (OperationCanceledException exception) when (exception.CancellationToken == cancellationToken)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) == 1)
        {
            return;
        }

        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            _lock.EnterWriteLock();
            try
            {
                _disposed = true;
            }
            finally
            {
                _lock.ExitWriteLock();
            }

            _sessions?.Dispose();
            File.Dispose();
            _lockFile.Dispose();

            // Let the index (gigabytes for large collections) go even while someone still holds the store.
            _sessions = null;
            _state = null;
        }
        finally
        {
            _writeGate.Release();
        }

        _lock.Dispose();
        _writeGate.Dispose();
    }

    private void Install(CollectionState state)
    {
        var sessions = new ReadSessionPool(_location.FilePath, state.Schema, _location.Options.MemoryMapBytes);
        _lock.EnterWriteLock();
        try
        {
            _state = state;
            _sessions = sessions;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private async Task WriteCoreAsync(string operation, Action body, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfUnusable();
            StoreErrors.Wrap(operation, _location.Collection, () =>
            {
                body();
                return true;
            });
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed || Volatile.Read(ref _disposeStarted) == 1, typeof(EmbeddedProductVectorStore));
        if (_faultReason is not null)
        {
            throw new VectorStoreException("use", _location.Collection, _faultReason);
        }
    }
}
