namespace M6Search.Telemetry;

/// <summary>
/// The names M6Search's own telemetry is published under, and the service names of its two programs. An activity
/// source or meter that is not listed in <see cref="Sources"/> is not exported.
/// </summary>
public static class M6TelemetryNames
{
    /// <summary>Activity source and meter of query handling in the web app (M6Search.Search.Telemetry.SearchTelemetry).</summary>
    public const string Search = "M6Search.Search";

    /// <summary>Activity source and meter of the indexing pipeline (M6Search.Indexing.Telemetry.IndexingTelemetry).</summary>
    public const string Indexing = "M6Search.Indexing";

    /// <summary>service.name of the web app, unless OTEL_SERVICE_NAME says otherwise.</summary>
    public const string WebService = "m6search-web";

    /// <summary>service.name of <c>m6</c>, unless OTEL_SERVICE_NAME says otherwise.</summary>
    public const string IndexerService = "m6-indexer";

    /// <summary>Every activity source and meter of M6Search.</summary>
    public static IReadOnlyList<string> Sources { get; } = [Search, Indexing];
}
