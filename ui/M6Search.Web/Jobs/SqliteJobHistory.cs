using System.Globalization;
using M6Search.Relevance.Storage;
using Microsoft.Data.Sqlite;

namespace M6Search.Web.Jobs;

/// <summary>The jobs history in a SQLite table.</summary>
public sealed class SqliteJobHistory
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS jobs (
            id TEXT PRIMARY KEY,
            catalog_path TEXT NOT NULL,
            started_by TEXT NOT NULL,
            started_utc TEXT NOT NULL,
            finished_utc TEXT NULL,
            state TEXT NOT NULL,
            message TEXT NULL,
            indexed INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0,
            deleted INTEGER NOT NULL DEFAULT 0,
            state_directory TEXT NOT NULL
        );
        """;

    private const string Columns = "id, catalog_path, started_by, started_utc, finished_utc, state, message, indexed, unchanged, rejected, deleted, state_directory";
    private readonly SqliteFile _file;
    private readonly SchemaOnce _schema;

    public SqliteJobHistory(SqliteFile file)
    {
        _file = file;
        _schema = new SchemaOnce(file, Schema);
    }

    /// <summary>Inserts or replaces the record.</summary>
    public async Task SaveAsync(JobRecord job, CancellationToken cancellationToken = default)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"INSERT OR REPLACE INTO jobs ({Columns}) VALUES ($id, $c, $b, $s, $f, $st, $m, $i, $u, $r, $d, $dir);";
        command.Parameters.AddWithValue("$id", job.Id);
        command.Parameters.AddWithValue("$c", job.CatalogPath);
        command.Parameters.AddWithValue("$b", job.StartedBy);
        command.Parameters.AddWithValue("$s", job.StartedUtc.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$f", job.FinishedUtc is { } f ? f.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value);
        command.Parameters.AddWithValue("$st", job.State.ToString());
        command.Parameters.AddWithValue("$m", (object?)job.Message ?? DBNull.Value);
        command.Parameters.AddWithValue("$i", job.Indexed);
        command.Parameters.AddWithValue("$u", job.Unchanged);
        command.Parameters.AddWithValue("$r", job.Rejected);
        command.Parameters.AddWithValue("$d", job.Deleted);
        command.Parameters.AddWithValue("$dir", job.StateDirectory);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<JobRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM jobs WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The latest jobs, newest first.</summary>
    public async Task<IReadOnlyList<JobRecord>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM jobs ORDER BY started_utc DESC LIMIT $n;";
        command.Parameters.AddWithValue("$n", limit);
        var jobs = new List<JobRecord>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(Read(reader));
        }

        return jobs;
    }

    /// <summary>Marks jobs left running by a previous process as interrupted; returns how many.</summary>
    public async Task<int> MarkInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "UPDATE jobs SET state = $i, finished_utc = $f, message = 'The app stopped while the job ran; start it again to resume.' WHERE state = $r;";
        command.Parameters.AddWithValue("$i", nameof(JobState.Interrupted));
        command.Parameters.AddWithValue("$r", nameof(JobState.Running));
        command.Parameters.AddWithValue("$f", now.ToString("O", CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static JobRecord Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        CatalogPath = reader.GetString(1),
        StartedBy = reader.GetString(2),
        StartedUtc = DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
        FinishedUtc = reader.IsDBNull(4) ? null : DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
        State = Enum.Parse<JobState>(reader.GetString(5)),
        Message = reader.IsDBNull(6) ? null : reader.GetString(6),
        Indexed = reader.GetInt64(7),
        Unchanged = reader.GetInt64(8),
        Rejected = reader.GetInt64(9),
        Deleted = reader.GetInt64(10),
        StateDirectory = reader.GetString(11),
    };

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        return await _file.OpenAsync(cancellationToken);
    }
}
