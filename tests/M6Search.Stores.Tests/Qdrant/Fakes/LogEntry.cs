using Microsoft.Extensions.Logging;

namespace M6Search.Stores.Tests.Qdrant.Fakes;

public sealed record LogEntry(LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, object?> Values);
