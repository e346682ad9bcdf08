using Microsoft.Data.Sqlite;

namespace M6Search.Stores.Embedded.Storage;

/// <summary>Opens the SQLite connections of a collection file with the settings the store relies on.</summary>
internal static class SqliteConnections
{
    /// <summary>The writer: creates the file when asked, WAL journal, synchronous FULL (durable) or NORMAL.</summary>
    public static SqliteConnection OpenWriter(string path, bool create, bool durableCommits)
    {
        SqliteConnection connection = Open(path, create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite);
        try
        {
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, durableCommits ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A reader: sees the last committed state as of each statement; refuses writes; maps up to <paramref name="memoryMapBytes"/>.</summary>
    public static SqliteConnection OpenReader(string path, long memoryMapBytes = 0)
    {
        SqliteConnection connection = Open(path, SqliteOpenMode.ReadWrite);
        try
        {
            Execute(connection, "PRAGMA query_only = ON;");
            Execute(connection, $"PRAGMA mmap_size = {memoryMapBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)};");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Cache = SqliteCacheMode.Private,
            // The store manages its own connections; pooled ones would keep the file open after the store is disposed.
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
