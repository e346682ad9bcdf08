using System.Text.Json;
using M6Search.Catalog.Products;
using M6Search.Catalog.Serialization;
using M6Search.Stores.Abstractions;
using Microsoft.Data.Sqlite;

namespace M6Search.Stores.Embedded.Storage;

/// <summary>
/// One reader connection to the collection file with its prepared statements; used by one operation at a time (see
/// <see cref="ReadSessionPool"/>). Reads see the last committed batch.
/// </summary>
internal sealed class ReadSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly StoredSchema _schema;
    private readonly SqliteCommand _point;
    private readonly SqliteCommand _pointWithVectors;
    private readonly SqliteCommand[] _dense;
    private readonly SqliteCommand[] _denseMany;
    private readonly SqliteCommand _pointIds;

    public ReadSession(string path, StoredSchema schema, long memoryMapBytes)
    {
        _schema = schema;
        _connection = SqliteConnections.OpenReader(path, memoryMapBytes);
        string denseColumns = string.Concat(Enumerable.Range(0, schema.DenseNames.Count).Select(i => ", " + StoredSchema.ColumnOf(i)));
        _point = Prepare("SELECT payload, content_hash FROM points WHERE slot = $slot;", "$slot");
        _pointWithVectors = Prepare($"SELECT payload, content_hash, lexical{denseColumns} FROM points WHERE slot = $slot;", "$slot");
        _dense = Enumerable.Range(0, schema.DenseNames.Count)
            .Select(i => Prepare($"SELECT {StoredSchema.ColumnOf(i)} FROM points WHERE slot = $slot;", "$slot"))
            .ToArray();
        // One statement for many slots: the slots travel as a JSON array (SQLite's json_each), so rescoring k candidates
        // costs one query instead of k.
        _denseMany = Enumerable.Range(0, schema.DenseNames.Count)
            .Select(i => Prepare($"SELECT slot, {StoredSchema.ColumnOf(i)} FROM points WHERE slot IN (SELECT value FROM json_each($slots));", "$slots"))
            .ToArray();
        _pointIds = Prepare("SELECT slot, point_id FROM points WHERE point_id >= $from ORDER BY point_id;", "$from");
    }

    /// <summary>The point stored at the slot, or null when the slot is empty.</summary>
    public ProductPoint? ReadPoint(int slot, bool withVectors)
    {
        SqliteCommand command = withVectors ? _pointWithVectors : _point;
        command.Parameters["$slot"].Value = slot;
        using SqliteDataReader reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        string payload = reader.GetString(0);
        Product product;
        try
        {
            product = JsonSerializer.Deserialize<Product>(payload, CatalogJson.Options)
                ?? throw new StoreRequestException($"the stored payload of slot {slot} is null.");
        }
        catch (JsonException exception)
        {
            throw new StoreRequestException($"the stored payload of slot {slot} is not a product: {exception.Message}", exception);
        }

        string? contentHash = reader.IsDBNull(1) ? null : reader.GetString(1);
        if (!withVectors)
        {
            return new ProductPoint { Product = product, ContentHash = contentHash };
        }

        SparseVector? lexical = reader.IsDBNull(2) ? null : VectorCodec.DecodeSparse(reader.GetFieldValue<byte[]>(2));
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (int i = 0; i < _schema.DenseNames.Count; i++)
        {
            if (!reader.IsDBNull(3 + i))
            {
                vectors[_schema.DenseNames[i]] = VectorCodec.DecodeDense(reader.GetFieldValue<byte[]>(3 + i), _schema.Dimensions[i], _schema.DenseNames[i]);
            }
        }

        return new ProductPoint { Product = product, ContentHash = contentHash, Vectors = vectors, Lexical = lexical };
    }

    /// <summary>The stored (unit-length) float vector of one dense vector at the slot, or null.</summary>
    public float[]? ReadDense(int slot, int denseIndex)
    {
        SqliteCommand command = _dense[denseIndex];
        command.Parameters["$slot"].Value = slot;
        using SqliteDataReader reader = command.ExecuteReader();
        if (!reader.Read() || reader.IsDBNull(0))
        {
            return null;
        }

        return VectorCodec.DecodeDense(reader.GetFieldValue<byte[]>(0), _schema.Dimensions[denseIndex], _schema.DenseNames[denseIndex]);
    }

    /// <summary>The stored (unit-length) float vectors of one dense vector at several slots; slots without it are left out.</summary>
    public Dictionary<int, float[]> ReadDense(IReadOnlyCollection<int> slots, int denseIndex)
    {
        var vectors = new Dictionary<int, float[]>(slots.Count);
        if (slots.Count == 0)
        {
            return vectors;
        }

        SqliteCommand command = _denseMany[denseIndex];
        command.Parameters["$slots"].Value = "[" + string.Join(',', slots) + "]";
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!reader.IsDBNull(1))
            {
                vectors[(int)reader.GetInt64(0)] = VectorCodec.DecodeDense(
                    reader.GetFieldValue<byte[]>(1), _schema.Dimensions[denseIndex], _schema.DenseNames[denseIndex]);
            }
        }

        return vectors;
    }

    /// <summary>Slots and point ids in point id order, starting at <paramref name="fromPointId"/> (inclusive).</summary>
    public IEnumerable<(int Slot, string PointId)> PointIdsFrom(string fromPointId)
    {
        _pointIds.Parameters["$from"].Value = fromPointId;
        using SqliteDataReader reader = _pointIds.ExecuteReader();
        while (reader.Read())
        {
            yield return ((int)reader.GetInt64(0), reader.GetString(1));
        }
    }

    public void Dispose()
    {
        _point.Dispose();
        _pointWithVectors.Dispose();
        foreach (SqliteCommand command in _dense.Concat(_denseMany))
        {
            command.Dispose();
        }

        _pointIds.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Prepare(string sql, string parameter)
    {
        SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
        command.Prepare();
        return command;
    }
}
