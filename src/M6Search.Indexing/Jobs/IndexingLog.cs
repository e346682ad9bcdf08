using Microsoft.Extensions.Logging;

namespace M6Search.Indexing.Jobs;

/// <summary>Indexing log messages (event ids 5000-5099).</summary>
internal static partial class IndexingLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Indexing {Catalog} (shard {Shard}) into {Collection} with model {ModelVersion}; resumed: {Resumed}")]
    public static partial void JobStarted(ILogger logger, string catalog, string shard, string collection, string modelVersion, bool resumed);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Indexing job ended {Status}: {Indexed} indexed, {Unchanged} unchanged, {Rejected} rejected, {Deleted} deleted in {Seconds:F1} s")]
    public static partial void JobFinished(ILogger logger, string status, long indexed, long unchanged, long rejected, long deleted, double seconds);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "Rejected line {Line} ({Id}): {Reason}")]
    public static partial void Rejected(ILogger logger, int line, string? id, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Not removing missing products: {Reason}")]
    public static partial void RemovalSkipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Indexing job failed")]
    public static partial void JobFailed(ILogger logger, Exception exception);
}
