using System.Collections.Concurrent;
using M6Search.Stores.Qdrant;
using Microsoft.Extensions.Logging;

namespace M6Search.Stores.Tests.Qdrant.Fakes;

/// <summary>A logger for the Qdrant store that keeps every entry: its event id, message, and structured values.</summary>
public sealed class ListLogger : ILogger<QdrantProductStore>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IReadOnlyList<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(pair => pair.Key, pair => pair.Value)
            : new Dictionary<string, object?>();
        _entries.Enqueue(new LogEntry(logLevel, eventId.Id, formatter(state, exception), values));
    }
}
