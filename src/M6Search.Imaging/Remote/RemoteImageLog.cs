using Microsoft.Extensions.Logging;

namespace M6Search.Imaging.Remote;

/// <summary>Log messages of the remote image fetcher; event ids 4100-4199 belong to imaging.</summary>
internal static partial class RemoteImageLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Image {Url} served from the cache at {Path}")]
    public static partial void CacheHit(ILogger logger, string url, string path);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Downloaded image {Url} ({Bytes} bytes)")]
    public static partial void Downloaded(ILogger logger, string url, int bytes);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Could not write image {Url} to the cache; it will be downloaded again next time")]
    public static partial void CacheWriteFailed(ILogger logger, string url, Exception exception);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Image {Url} not cached: the response is not a recognised image")]
    public static partial void NotCachedNotAnImage(ILogger logger, string url);
}
