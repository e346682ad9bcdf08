using System.Globalization;
using M6Search.Stores.Abstractions;
using Microsoft.Data.Sqlite;

namespace M6Search.Stores.Embedded.Storage;

/// <summary>
/// Snapshots of a collection file: copies taken with SQLite's online backup, and the restore that puts one back in
/// place of a closed collection.
/// </summary>
internal static class CollectionSnapshots
{
    /// <summary>
    /// Copies the collection (a consistent read of the last commit; writers are not blocked) to
    /// <c>&lt;snapshot folder&gt;/&lt;collection&gt;-&lt;UTC time&gt;.sqlite</c> and returns that path.
    /// </summary>
    public static string Create(CollectionLocation location)
    {
        string folder = location.SnapshotFolder;
        Directory.CreateDirectory(folder);
        string stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        string path = Path.Combine(folder, $"{location.Collection}-{stamp}{CollectionLocation.FileExtension}");
        for (int copy = 1; File.Exists(path); copy++)
        {
            path = Path.Combine(folder, $"{location.Collection}-{stamp}-{copy}{CollectionLocation.FileExtension}");
        }

        using SqliteConnection source = SqliteConnections.OpenReader(location.FilePath);
        using SqliteConnection destination = SqliteConnections.Open(path, SqliteOpenMode.ReadWriteCreate);
        source.BackupDatabase(destination);
        return path;
    }

    /// <summary>
    /// Replaces the collection's file with <paramref name="snapshotPath"/>, holding the collection's lock throughout. The
    /// snapshot is copied beside the file and checked to be a collection before anything is replaced.
    /// </summary>
    public static void Restore(EmbeddedStoreOptions options, string collection, string snapshotPath, CancellationToken cancellationToken)
    {
        const string operation = "restore snapshot";
        CollectionLocation location = CollectionLocation.Resolve(operation, options, collection);
        if (!File.Exists(snapshotPath))
        {
            throw new VectorStoreException(operation, collection, $"snapshot '{snapshotPath}' does not exist.");
        }

        string path = location.FilePath;
        using FileStream lockFile = CollectionLock.Acquire(operation, location);
        string temporary = path + ".restoring";
        try
        {
            File.Delete(temporary);
            using (SqliteConnection snapshot = SqliteConnections.Open(snapshotPath, SqliteOpenMode.ReadOnly))
            using (SqliteConnection copyOfSnapshot = SqliteConnections.Open(temporary, SqliteOpenMode.ReadWriteCreate))
            {
                snapshot.BackupDatabase(copyOfSnapshot);
            }

            using (var check = new CollectionFile(temporary, durableCommits: true))
            {
                if (check.ReadSchema() is null)
                {
                    throw new StoreRequestException($"'{snapshotPath}' is an empty database, not a collection snapshot.");
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (File.Exists(path))
            {
                // Fold the old file's write-ahead log into it, so that no stale log is left to be replayed over the
                // restored file.
                using (SqliteConnection old = SqliteConnections.Open(path, SqliteOpenMode.ReadWrite))
                {
                    SqliteConnections.Execute(old, "PRAGMA wal_checkpoint(TRUNCATE);");
                }

                File.Delete(path + "-wal");
                File.Delete(path + "-shm");
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (StoreRequestException exception)
        {
            throw new VectorStoreException(operation, collection, exception.Message, exception);
        }
        catch (SqliteException exception)
        {
            throw new VectorStoreException(operation, collection, $"'{snapshotPath}' could not be restored: SQLite error {exception.SqliteErrorCode}: {exception.Message}", exception);
        }
        finally
        {
            File.Delete(temporary);
            File.Delete(temporary + "-wal");
            File.Delete(temporary + "-shm");
        }
    }
}
