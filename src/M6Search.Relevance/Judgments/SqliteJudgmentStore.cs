using M6Search.Relevance.Ranking;
using M6Search.Relevance.Storage;

namespace M6Search.Relevance.Judgments;

/// <summary>Judgments in a SQLite table keyed by (merchant, query, product); every statement filters by merchant.</summary>
public sealed class SqliteJudgmentStore : IJudgmentStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS judgments (
            merchant_id TEXT NOT NULL,
            query TEXT NOT NULL,
            product_id TEXT NOT NULL,
            relevant INTEGER NOT NULL,
            updated_utc TEXT NOT NULL,
            PRIMARY KEY (merchant_id, query, product_id)
        );
        """;

    private readonly SqliteFile _file;
    private readonly TimeProvider _time;
    private readonly SchemaOnce _schema;

    public SqliteJudgmentStore(SqliteFile file, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        _file = file;
        _time = time ?? TimeProvider.System;
        _schema = new SchemaOnce(file, Schema);
    }

    public async Task SetAsync(string merchantId, string query, string productId, bool relevant, CancellationToken cancellationToken = default)
    {
        (string merchant, string text, string product) = Key(merchantId, query, productId);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO judgments (merchant_id, query, product_id, relevant, updated_utc) VALUES ($m, $q, $p, $r, $u)
                ON CONFLICT (merchant_id, query, product_id) DO UPDATE SET relevant = excluded.relevant, updated_utc = excluded.updated_utc;
                """;
            command.Parameters.AddWithValue("$m", merchant);
            command.Parameters.AddWithValue("$q", text);
            command.Parameters.AddWithValue("$p", product);
            command.Parameters.AddWithValue("$r", relevant ? 1 : 0);
            command.Parameters.AddWithValue("$u", _time.GetUtcNow().ToString("O"));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> RemoveAsync(string merchantId, string query, string productId, CancellationToken cancellationToken = default)
    {
        (string merchant, string text, string product) = Key(merchantId, query, productId);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM judgments WHERE merchant_id = $m AND query = $q AND product_id = $p;";
            command.Parameters.AddWithValue("$m", merchant);
            command.Parameters.AddWithValue("$q", text);
            command.Parameters.AddWithValue("$p", product);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
    }

    public async Task<IReadOnlyList<Judgment>> ListAsync(string merchantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantId);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var judgments = new List<Judgment>();
        var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT query, product_id, relevant, updated_utc FROM judgments
                WHERE merchant_id = $m ORDER BY query, product_id;
                """;
            command.Parameters.AddWithValue("$m", merchantId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                judgments.Add(new Judgment(
                    merchantId,
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetInt64(2) != 0,
                    DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return judgments;
    }

    private static (string Merchant, string Query, string Product) Key(string merchantId, string query, string productId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        return (merchantId, QueryText.Normalize(query), productId);
    }
}
