using M6Search.Relevance.QueryLog;

namespace M6Search.Web.Merchants;

/// <summary>
/// Records shopper text searches in the <see cref="IQueryLog"/> (the dashboard's logged queries): an endpoint filter
/// for <c>GET /api/search</c>, and <see cref="RecordAsync"/> for the search page. Logging never fails a search.
/// </summary>
public static partial class QueryLogging
{
    /// <summary>Logs the <c>q</c> of successful <c>/api/search</c> requests made through the group.</summary>
    public static RouteGroupBuilder RecordSearchQueries(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            object? result = await next(context);
            HttpContext http = context.HttpContext;
            if (http.Request.Path.Value?.EndsWith("/search", StringComparison.OrdinalIgnoreCase) == true
                && http.Request.Query["q"].ToString() is { Length: > 0 } q
                && (result is INestedHttpResult nested ? nested.Result : result) is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
            {
                await RecordAsync(http.RequestServices, q, http.RequestAborted);
            }

            return result;
        });

    /// <summary>Records one shopper query when a query log is registered; failures are logged, never thrown.</summary>
    public static async Task RecordAsync(IServiceProvider services, string query, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IQueryLog>() is not { } log)
        {
            return;
        }

        try
        {
            await log.RecordAsync(query, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (services.GetService<ILoggerFactory>() is { } loggers)
            {
                LogFailed(loggers.CreateLogger(typeof(QueryLogging)), exception);
            }
        }
    }

    [LoggerMessage(EventId = 6300, Level = LogLevel.Warning, Message = "Could not record a shopper query in the query log")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
