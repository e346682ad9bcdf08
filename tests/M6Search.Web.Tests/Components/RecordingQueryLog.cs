using System.Collections.Concurrent;
using M6Search.Relevance.QueryLog;

namespace M6Search.Web.Tests.Components;

/// <summary>A query log that keeps what it is given, for checking what the search page records.</summary>
internal sealed class RecordingQueryLog : IQueryLog
{
    public ConcurrentQueue<string> Recorded { get; } = new();

    public Task RecordAsync(string query, CancellationToken cancellationToken = default)
    {
        Recorded.Enqueue(query);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LoggedQuery>> TopAsync(int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LoggedQuery>>(
            Recorded.GroupBy(q => q).Select(g => new LoggedQuery(g.Key, g.Count(), DateTimeOffset.UtcNow)).Take(limit).ToList());
}
