using System.Globalization;
using M6Search.Relevance.Storage;
using Microsoft.Data.Sqlite;

namespace M6Search.Web.Accounts;

/// <summary>Accounts in a SQLite table; user names are stored trimmed and lower-cased.</summary>
public sealed class SqliteAccountStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS accounts (
            user_name TEXT PRIMARY KEY,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL,
            merchant_id TEXT NULL,
            failed_sign_ins INTEGER NOT NULL DEFAULT 0,
            locked_until_utc TEXT NULL
        );
        """;

    private readonly SqliteFile _file;
    private readonly SchemaOnce _schema;

    public SqliteAccountStore(SqliteFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        _file = file;
        _schema = new SchemaOnce(file, Schema);
    }

    public static string NormalizeUserName(string userName) => userName.Trim().ToLowerInvariant();

    public async Task<Account?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name, password_hash, role, merchant_id, failed_sign_ins, locked_until_utc FROM accounts WHERE user_name = $u;";
        command.Parameters.AddWithValue("$u", NormalizeUserName(userName));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Account
        {
            UserName = reader.GetString(0),
            PasswordHash = reader.GetString(1),
            Role = reader.GetString(2),
            MerchantId = reader.IsDBNull(3) ? null : reader.GetString(3),
            FailedSignIns = reader.GetInt32(4),
            LockedUntilUtc = reader.IsDBNull(5) ? null : DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Adds the account; false when the user name is taken (nothing changes then).</summary>
    public async Task<bool> TryAddAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO accounts (user_name, password_hash, role, merchant_id) VALUES ($u, $h, $r, $m)
            ON CONFLICT (user_name) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$u", NormalizeUserName(account.UserName));
        command.Parameters.AddWithValue("$h", account.PasswordHash);
        command.Parameters.AddWithValue("$r", account.Role);
        command.Parameters.AddWithValue("$m", (object?)account.MerchantId ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// Counts one failed sign-in in a single statement, so parallel failures all count: the counter restarts at 1 after
    /// an expired lockout, and reaching <paramref name="maxFailures"/> locks the account until <paramref name="lockUntilUtc"/>.
    /// Returns whether the account is locked now.
    /// </summary>
    public async Task<bool> CountFailureAsync(
        string userName, DateTimeOffset nowUtc, int maxFailures, DateTimeOffset lockUntilUtc, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Every SET expression reads the row as it was before this statement (SQLite evaluates them on the old row).
        command.CommandText = """
            UPDATE accounts SET
                failed_sign_ins = CASE WHEN locked_until_utc IS NOT NULL AND locked_until_utc <= $now THEN 1 ELSE failed_sign_ins + 1 END,
                locked_until_utc = CASE
                    WHEN locked_until_utc IS NOT NULL AND locked_until_utc > $now THEN locked_until_utc
                    WHEN (CASE WHEN locked_until_utc IS NOT NULL AND locked_until_utc <= $now THEN 1 ELSE failed_sign_ins + 1 END) >= $max THEN $until
                    ELSE NULL END
            WHERE user_name = $u
            RETURNING locked_until_utc;
            """;
        command.Parameters.AddWithValue("$u", NormalizeUserName(userName));
        command.Parameters.AddWithValue("$now", Timestamp(nowUtc));
        command.Parameters.AddWithValue("$max", maxFailures);
        command.Parameters.AddWithValue("$until", Timestamp(lockUntilUtc));
        object? locked = await command.ExecuteScalarAsync(cancellationToken);
        return locked is string until && string.CompareOrdinal(until, Timestamp(nowUtc)) > 0;
    }

    /// <summary>Stores the failure count and, when it reached the limit, the end of the lockout.</summary>
    public async Task SetFailuresAsync(string userName, int failures, DateTimeOffset? lockedUntilUtc, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE accounts SET failed_sign_ins = $f, locked_until_utc = $l WHERE user_name = $u;";
        command.Parameters.AddWithValue("$u", NormalizeUserName(userName));
        command.Parameters.AddWithValue("$f", failures);
        command.Parameters.AddWithValue("$l", lockedUntilUtc is { } until ? Timestamp(until) : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SetPasswordHashAsync(string userName, string passwordHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE accounts SET password_hash = $h WHERE user_name = $u;";
        command.Parameters.AddWithValue("$u", NormalizeUserName(userName));
        command.Parameters.AddWithValue("$h", passwordHash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>UTC, round-trip format: fixed width, so the SQL compares these strings in time order.</summary>
    private static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        return await _file.OpenAsync(cancellationToken);
    }
}
