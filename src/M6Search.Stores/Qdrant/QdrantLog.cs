using Microsoft.Extensions.Logging;

namespace M6Search.Stores.Qdrant;

/// <summary>Source-generated log messages of the Qdrant store (event ids 6100-6199).</summary>
internal static partial class QdrantLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Warning,
        Message = "Retrying a Qdrant call in {Delay} (retry {Retry}) after {Outcome}")]
    public static partial void Retrying(ILogger logger, TimeSpan delay, int retry, string outcome);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning,
        Message = "The Qdrant API key is sent in clear text to {Url}; use an https URL unless the server is on this machine")]
    public static partial void ApiKeyOverPlainHttp(ILogger logger, string url);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information,
        Message = "Created Qdrant collection {Collection}")]
    public static partial void CollectionCreated(ILogger logger, string collection);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information,
        Message = "Created payload index {Field} ({Schema}) on Qdrant collection {Collection}")]
    public static partial void PayloadIndexCreated(ILogger logger, string field, string schema, string collection);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Debug,
        Message = "Upserted batch {Batch} of {Batches} ({Points} points) into Qdrant collection {Collection}")]
    public static partial void BatchUpserted(ILogger logger, int batch, int batches, int points, string collection);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information,
        Message = "Qdrant alias {Alias} now points to collection {Collection}")]
    public static partial void AliasSwitched(ILogger logger, string alias, string collection);
}
