using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace M6Search.Search.Telemetry;

/// <summary>
/// Query handling's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <see cref="Name"/> (the web app
/// exports them through OpenTelemetry, deploy/OPERATIONS.md "Monitoring"). Blazor Server searches are circuit
/// messages, not HTTP requests, so these, not <c>http.server.request.duration</c>, are the search latency that covers
/// the search page as well as the HTTP API. Every measurement carries the kind of search (<see cref="KindTag"/>).
/// </summary>
public static class SearchTelemetry
{
    /// <summary>Name of the activity source and of the meter.</summary>
    public const string Name = "M6Search.Search";

    /// <summary>The span of one search, from validation to the explained results.</summary>
    public const string SearchActivityName = "m6.search";

    public const string DurationName = "m6.search.duration";
    public const string EmbedDurationName = "m6.search.embed.duration";
    public const string StoreDurationName = "m6.search.store.duration";
    public const string EmptyResultsName = "m6.search.empty_results";

    /// <summary>Tag: "text", "image" (photo search) or "similar" (more like this).</summary>
    public const string KindTag = "m6.search.kind";

    /// <summary>Tag of <see cref="DurationName"/>: "ok", "invalid" (rejected input), "cancelled" or "error".</summary>
    public const string OutcomeTag = "m6.search.outcome";

    public const string TextKind = "text";
    public const string ImageKind = "image";
    public const string SimilarKind = "similar";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        DurationName, "s", "Time to answer one search: embedding, store search and match details.");

    internal static readonly Histogram<double> EmbedDuration = Meter.CreateHistogram<double>(
        EmbedDurationName, "s", "Time to embed the query (text or photo) with the encoder, queueing for an encoder slot included.");

    internal static readonly Histogram<double> StoreDuration = Meter.CreateHistogram<double>(
        StoreDurationName, "s", "Time the vector store took for the fused search.");

    internal static readonly Counter<long> EmptyResults = Meter.CreateCounter<long>(
        EmptyResultsName, "{search}", "Searches that returned no product on their first page.");

    internal static KeyValuePair<string, object?> Kind(string kind) => new(KindTag, kind);
}
