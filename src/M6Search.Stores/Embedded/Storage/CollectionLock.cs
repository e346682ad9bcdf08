using M6Search.Stores.Abstractions;

namespace M6Search.Stores.Embedded.Storage;

/// <summary>The lock file beside a collection file (<c>&lt;file&gt;.lock</c>): one owner per collection, across processes.</summary>
internal static class CollectionLock
{
    /// <summary>Takes the lock for <paramref name="operation"/>; disposing the returned stream releases it.</summary>
    public static FileStream Acquire(string operation, CollectionLocation location)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(location.FilePath)!);
        string lockPath = location.FilePath + ".lock";
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock on Unix): one owner per collection, across processes.
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new VectorStoreException(operation, location.Collection, $"the collection is open in another store instance or process (lock '{lockPath}').", exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new VectorStoreException(operation, location.Collection, $"cannot write the lock file '{lockPath}': {exception.Message}", exception);
        }
    }
}
