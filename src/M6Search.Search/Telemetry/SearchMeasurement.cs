using System.Diagnostics;
using M6Search.Search.Results;
using M6Search.Search.Searching;

namespace M6Search.Search.Telemetry;

/// <summary>
/// Times one search and records it in <see cref="SearchTelemetry"/> when disposed: the total duration with its
/// outcome, the stage timings of a completed search, and an empty first page. Also the search's activity, if
/// anyone listens.
/// </summary>
internal sealed class SearchMeasurement : IDisposable
{
    private readonly string _kind;
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly Activity? _activity;
    private SearchResults? _results;
    private string _outcome = "error";

    public SearchMeasurement(string kind)
    {
        _kind = kind;
        _activity = SearchTelemetry.Source.StartActivity(SearchTelemetry.SearchActivityName);
        _activity?.SetTag(SearchTelemetry.KindTag, kind);
    }

    /// <summary>Marks the search as answered with <paramref name="results"/> (null: the product was not found).</summary>
    public SearchResults? Completed(SearchResults? results)
    {
        _results = results;
        _outcome = "ok";
        return results;
    }

    /// <summary>Classifies the exception a search ended with.</summary>
    public void Failed(Exception exception) => _outcome = exception switch
    {
        SearchValidationException => "invalid",
        OperationCanceledException => "cancelled",
        _ => "error",
    };

    public void Dispose()
    {
        var kind = SearchTelemetry.Kind(_kind);
        SearchTelemetry.Duration.Record(
            Stopwatch.GetElapsedTime(_start).TotalSeconds, kind, new KeyValuePair<string, object?>(SearchTelemetry.OutcomeTag, _outcome));
        if (_results is { } results)
        {
            if (results.Timings.EmbeddingMs > 0)
            {
                SearchTelemetry.EmbedDuration.Record(results.Timings.EmbeddingMs / 1000, kind);
            }

            SearchTelemetry.StoreDuration.Record(results.Timings.StoreMs / 1000, kind);
            if (results.Items.Count == 0)
            {
                SearchTelemetry.EmptyResults.Add(1, kind);
            }

            _activity?.SetTag("m6.search.results", results.Items.Count);
        }

        _activity?.SetTag(SearchTelemetry.OutcomeTag, _outcome);
        if (_outcome == "error")
        {
            _activity?.SetStatus(ActivityStatusCode.Error);
        }

        _activity?.Dispose();
    }
}
