using M6Search.Relevance.QueryLog;
using M6Search.Relevance.Storage;
using M6Search.Relevance.Tests.Fakes;

namespace M6Search.Relevance.Tests.QueryLog;

/// <summary>The log stays bounded (a row cap and a retention) and its most-searched read goes through an index.</summary>
public sealed class SqliteQueryLogBoundsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Record_KeepsAtMostMaxQueries_DroppingTheLeastRecentlySearched()
    {
        var log = new SqliteQueryLog(new SqliteFile(_folder.File("log.db")), _clock, options: new QueryLogOptions { MaxQueries = 3 });
        foreach (string query in new[] { "a", "a", "b", "c", "d" })
        {
            await log.RecordAsync(query);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(["b", "c", "d"], (await log.TopAsync(10)).Select(q => q.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Record_ForgetsQueriesNotSearchedWithinTheRetention()
    {
        var log = new SqliteQueryLog(new SqliteFile(_folder.File("log.db")), _clock, options: new QueryLogOptions { RetentionDays = 30 });
        await log.RecordAsync("old cup");
        _clock.Advance(TimeSpan.FromDays(31));

        await log.RecordAsync("new cup");

        Assert.Equal(["new cup"], (await log.TopAsync(10)).Select(q => q.Text));
    }

    [Fact]
    public async Task Top_ReadsTheMostSearchedThroughAnIndex()
    {
        var file = new SqliteFile(_folder.File("log.db"));
        await new SqliteQueryLog(file).RecordAsync("cup");

        await using var connection = await file.OpenAsync();
        await using var command = connection.CreateCommand();
        // The query TopAsync runs.
        command.CommandText = "EXPLAIN QUERY PLAN SELECT query, count, last_utc FROM query_log ORDER BY count DESC, last_utc DESC LIMIT 50;";
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("INDEX", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();
}
