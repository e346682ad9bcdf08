using System.Globalization;
using M6Search.Relevance.Ranking;
using M6Search.Relevance.Storage;
using M6Search.Search.Searching;

namespace M6Search.Relevance.QueryLog;

/// <summary>
/// The query log as one SQLite row per distinct normalised query, with a counter and the last time. Only queries the
/// search accepts (<see cref="SearchRequestValidator.CheckText"/> on the normalised text) are recorded or read back,
/// so every logged query can be ranked by the dashboard. The log is bounded: when a new query arrives, queries not
/// searched within <see cref="QueryLogOptions.RetentionDays"/> are dropped, then the least recently searched beyond
/// <see cref="QueryLogOptions.MaxQueries"/>. Both the most-searched read and the pruning go through indexes.
/// </summary>
public sealed class SqliteQueryLog : IQueryLog
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS query_log (
            query TEXT PRIMARY KEY,
            count INTEGER NOT NULL,
            last_utc TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS query_log_top ON query_log (count DESC, last_utc DESC);
        CREATE INDEX IF NOT EXISTS query_log_last ON query_log (last_utc);
        """;

    private readonly SqliteFile _file;
    private readonly TimeProvider _time;
    private readonly SchemaOnce _schema;
    private readonly SearchRequestValidator _validator;
    private readonly QueryLogOptions _options;

    /// <param name="validator">The search's own rules (default: the default <see cref="ProductSearchOptions"/>).</param>
    /// <param name="options">The log's bounds (default: <see cref="QueryLogOptions"/>'s defaults).</param>
    public SqliteQueryLog(SqliteFile file, TimeProvider? time = null, SearchRequestValidator? validator = null, QueryLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        _file = file;
        _time = time ?? TimeProvider.System;
        _schema = new SchemaOnce(file, Schema);
        _validator = validator ?? new SearchRequestValidator(new ProductSearchOptions());
        _options = options ?? new QueryLogOptions();
        IReadOnlyList<string> errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }
    }

    public async Task RecordAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        string text = QueryText.Normalize(query);
        if (_validator.CheckText(text) is not null)
        {
            // Blank, too long once normalised, or holding control characters: the search would refuse it.
            return;
        }

        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            DateTimeOffset now = _time.GetUtcNow().ToUniversalTime();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO query_log (query, count, last_utc) VALUES ($q, 1, $u)
                ON CONFLICT (query) DO UPDATE SET count = count + 1, last_utc = excluded.last_utc
                RETURNING count;
                """;
            command.Parameters.AddWithValue("$q", text);
            command.Parameters.AddWithValue("$u", Timestamp(now));
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 1)
            {
                // Only a new query grows the log: that is when it is pruned.
                await PruneAsync(connection, now, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<LoggedQuery>> TopAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var queries = new List<LoggedQuery>();
        var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT query, count, last_utc FROM query_log ORDER BY count DESC, last_utc DESC LIMIT $n;";
            command.Parameters.AddWithValue("$n", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_validator.CheckText(reader.GetString(0)) is not null)
                {
                    // Written before logged queries were checked (or under a larger M6:Search:MaxQueryLength).
                    continue;
                }

                queries.Add(new LoggedQuery(
                    reader.GetString(0),
                    (int)Math.Min(reader.GetInt64(1), int.MaxValue),
                    DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture)));
            }
        }

        return queries;
    }

    private async Task PruneAsync(Microsoft.Data.Sqlite.SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var prune = connection.CreateCommand();
        prune.CommandText = """
            DELETE FROM query_log WHERE last_utc < $cutoff;
            DELETE FROM query_log WHERE rowid IN (
                SELECT rowid FROM query_log ORDER BY last_utc ASC
                LIMIT max(0, (SELECT count(*) FROM query_log) - $max));
            """;
        prune.Parameters.AddWithValue("$cutoff", Timestamp(now.AddDays(-_options.RetentionDays)));
        prune.Parameters.AddWithValue("$max", _options.MaxQueries);
        await prune.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>UTC, round-trip format: fixed width, so SQL compares these strings in time order.</summary>
    private static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
