using System.Globalization;
using Microsoft.Data.Sqlite;

namespace M6Search.Stores.Embedded.Storage;

/// <summary>
/// The collection's SQLite file through its single writer connection: the tables, one transaction per batch, and the
/// full scan that rebuilds the in-memory index at open.
/// </summary>
/// <remarks>
/// Tables: <c>meta(key, value)</c> holds the format name and the schema; <c>points</c> holds one row per point, keyed
/// by <c>slot</c> (the point's row in the in-memory matrices, also the SQLite rowid), with the point id (a UUID, unique,
/// the scroll order), the product id, the payload JSON, the content hash, the sparse vector and one BLOB column per
/// dense vector.
/// </remarks>
internal sealed class CollectionFile : IDisposable
{
    private readonly SqliteConnection _connection;
    private SqliteCommand? _upsert;
    private SqliteCommand? _delete;

    public CollectionFile(string path, bool durableCommits)
    {
        Path = path;
        _connection = SqliteConnections.OpenWriter(path, create: true, durableCommits);
    }

    /// <summary>The page size of the file (chosen at creation by <see cref="PageSizeChoice"/>).</summary>
    public long PageSize
    {
        get
        {
            using SqliteCommand command = _connection.CreateCommand();
            command.CommandText = "PRAGMA page_size;";
            return (long)command.ExecuteScalar()!;
        }
    }

    public string Path { get; }

    /// <summary>The schema recorded in the file, or null for an empty (new) file.</summary>
    public StoredSchema? ReadSchema()
    {
        using SqliteCommand tables = _connection.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
        var names = new List<string>();
        using (SqliteDataReader reader = tables.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        if (names.Count == 0)
        {
            return null;
        }

        if (!names.Contains("meta") || !names.Contains("points"))
        {
            throw new StoreRequestException($"'{Path}' is not an M6Search collection file (tables: {string.Join(", ", names)}).");
        }

        string? format = ReadMeta("format");
        if (format != StoredSchema.FormatName)
        {
            throw new StoreRequestException($"'{Path}' has format '{format}'; this store reads '{StoredSchema.FormatName}'.");
        }

        string schema = ReadMeta("schema") ?? throw new StoreRequestException($"'{Path}' has no schema record.");
        return StoredSchema.FromJson(schema);
    }

    /// <summary>Creates the tables and records the schema, in one transaction.</summary>
    public void Create(StoredSchema schema)
    {
        // The page size can change only while the database is empty and not in WAL mode; VACUUM applies it.
        SqliteConnections.Execute(_connection, "PRAGMA journal_mode = DELETE;");
        SqliteConnections.Execute(_connection, $"PRAGMA page_size = {PageSizeChoice.For(schema.Dimensions)};");
        SqliteConnections.Execute(_connection, "VACUUM;");
        SqliteConnections.Execute(_connection, "PRAGMA journal_mode = WAL;");
        using SqliteTransaction transaction = _connection.BeginTransaction();
        SqliteConnections.Execute(_connection, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;", transaction);
        string denseColumns = string.Concat(Enumerable.Range(0, schema.DenseNames.Count).Select(i => $", {StoredSchema.ColumnOf(i)} BLOB"));
        SqliteConnections.Execute(
            _connection,
            "CREATE TABLE points (slot INTEGER PRIMARY KEY, point_id TEXT NOT NULL UNIQUE, product_id TEXT NOT NULL, " +
            $"payload TEXT NOT NULL, content_hash TEXT, lexical BLOB{denseColumns});",
            transaction);
        WriteMeta("format", StoredSchema.FormatName, transaction);
        WriteMeta("schema", schema.ToJson(), transaction);
        WriteMeta("created", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), transaction);
        transaction.Commit();
    }

    /// <summary>Starts a write transaction (BEGIN IMMEDIATE: takes the write lock of the file at once).</summary>
    public SqliteTransaction Begin() => _connection.BeginTransaction(deferred: false);

    public void Write(SqliteTransaction transaction, int slot, PreparedPoint point, StoredSchema schema)
    {
        _upsert ??= CreateUpsert(schema);
        _upsert.Transaction = transaction;
        SqliteParameterCollection parameters = _upsert.Parameters;
        parameters["$slot"].Value = slot;
        parameters["$point_id"].Value = point.PointId.ToString("D");
        parameters["$product_id"].Value = point.ProductId;
        parameters["$payload"].Value = point.PayloadJson;
        parameters["$content_hash"].Value = (object?)point.ContentHash ?? DBNull.Value;
        parameters["$lexical"].Value = point.Lexical is null ? DBNull.Value : VectorCodec.EncodeSparse(point.Lexical);
        for (int i = 0; i < point.Dense.Length; i++)
        {
            float[]? vector = point.Dense[i];
            parameters["$" + StoredSchema.ColumnOf(i)].Value = vector is null ? DBNull.Value : VectorCodec.EncodeDense(vector);
        }

        _upsert.ExecuteNonQuery();
    }

    public void Delete(SqliteTransaction transaction, int slot)
    {
        if (_delete is null)
        {
            _delete = _connection.CreateCommand();
            _delete.CommandText = "DELETE FROM points WHERE slot = $slot;";
            _delete.Parameters.Add("$slot", SqliteType.Integer);
        }

        _delete.Transaction = transaction;
        _delete.Parameters["$slot"].Value = slot;
        _delete.ExecuteNonQuery();
    }

    /// <summary>Calls <paramref name="row"/> for every point in slot order (to rebuild the in-memory index).</summary>
    /// <remarks>Columns: 0 slot, 1 point_id, 2 payload, 3 lexical, 4.. the dense vectors in schema order.</remarks>
    public void ForEachPoint(StoredSchema schema, Action<SqliteDataReader> row, CancellationToken cancellationToken)
    {
        using SqliteCommand command = _connection.CreateCommand();
        string denseColumns = string.Concat(Enumerable.Range(0, schema.DenseNames.Count).Select(i => ", " + StoredSchema.ColumnOf(i)));
        command.CommandText = $"SELECT slot, point_id, payload, lexical{denseColumns} FROM points ORDER BY slot;";
        using SqliteDataReader reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            if (++rows % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            row(reader);
        }
    }

    public void Dispose()
    {
        _upsert?.Dispose();
        _delete?.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand CreateUpsert(StoredSchema schema)
    {
        SqliteCommand command = _connection.CreateCommand();
        string[] dense = Enumerable.Range(0, schema.DenseNames.Count).Select(StoredSchema.ColumnOf).ToArray();
        string columns = "slot, point_id, product_id, payload, content_hash, lexical" + string.Concat(dense.Select(column => ", " + column));
        string values = "$slot, $point_id, $product_id, $payload, $content_hash, $lexical" + string.Concat(dense.Select(column => ", $" + column));
        command.CommandText = $"INSERT OR REPLACE INTO points ({columns}) VALUES ({values});";
        command.Parameters.Add("$slot", SqliteType.Integer);
        command.Parameters.Add("$point_id", SqliteType.Text);
        command.Parameters.Add("$product_id", SqliteType.Text);
        command.Parameters.Add("$payload", SqliteType.Text);
        command.Parameters.Add("$content_hash", SqliteType.Text);
        command.Parameters.Add("$lexical", SqliteType.Blob);
        foreach (string column in dense)
        {
            command.Parameters.Add("$" + column, SqliteType.Blob);
        }

        return command;
    }

    private string? ReadMeta(string key)
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key;";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    private void WriteMeta(string key, string value, SqliteTransaction transaction)
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ($key, $value);";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }
}
