using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using M6Search.Stores.Lexical;
using M6Search.Search.Encoding;
using M6Search.Search.Searching;
using M6Search.Search.Telemetry;
using M6Search.Search.Tests.Fakes;
using M6Search.Search.Text;

namespace M6Search.Search.Tests.Telemetry;

/// <summary>The meter is process-wide, so these run alone: nothing else searches while they listen.</summary>
[CollectionDefinition(nameof(SearchTelemetryTests), DisableParallelization = true)]
public sealed class SearchTelemetryCollection;

[Collection(nameof(SearchTelemetryTests))]
public sealed class SearchTelemetryTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly MeterListener _listener = new();
    private TestCatalog _catalog = null!;
    private QueryEmbedder _embedder = null!;
    private ProductSearchService _service = null!;

    public async Task InitializeAsync()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SearchTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();

        _catalog = await TestCatalog.CreateAsync();
        _embedder = new QueryEmbedder(new FakeEncoder());
        _service = new ProductSearchService(_catalog.Store, _embedder, LexicalVectorizer.Default, new SearchText(), new ProductSearchOptions());
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        _embedder.Dispose();
        await _catalog.DisposeAsync();
    }

    [Fact]
    public async Task A_text_search_records_its_duration_and_stage_timings_tagged_as_text()
    {
        await _service.SearchAsync(new SearchQuery { Text = "bumpy coffee cup", Limit = 10 });

        var total = Assert.Single(Of(SearchTelemetry.DurationName));
        Assert.Equal("text", total.Tags[SearchTelemetry.KindTag]);
        Assert.Equal("ok", total.Tags[SearchTelemetry.OutcomeTag]);
        Assert.InRange(total.Value, 0, 60);
        Assert.Equal("text", Assert.Single(Of(SearchTelemetry.EmbedDurationName)).Tags[SearchTelemetry.KindTag]);
        var store = Assert.Single(Of(SearchTelemetry.StoreDurationName));
        Assert.InRange(store.Value, 0, total.Value);
        Assert.Empty(Of(SearchTelemetry.EmptyResultsName));
    }

    [Fact]
    public async Task A_rejected_query_is_recorded_as_invalid_without_stage_timings()
    {
        await Assert.ThrowsAsync<SearchValidationException>(() => _service.SearchAsync(new SearchQuery { Text = "", Limit = 10 }));

        Assert.Equal("invalid", Assert.Single(Of(SearchTelemetry.DurationName)).Tags[SearchTelemetry.OutcomeTag]);
        Assert.Empty(Of(SearchTelemetry.StoreDurationName));
    }

    [Fact]
    public async Task A_search_with_no_results_is_counted_as_empty()
    {
        await _service.SearchAsync(new SearchQuery { Text = "cup", Filters = new SearchFilters { Category = "lamp" } });

        var empty = Assert.Single(Of(SearchTelemetry.EmptyResultsName));
        Assert.Equal(1, empty.Value);
        Assert.Equal("text", empty.Tags[SearchTelemetry.KindTag]);
    }

    [Fact]
    public async Task More_like_this_is_tagged_as_similar()
    {
        await _service.MoreLikeThisAsync("p-bumpy", 3, new SearchFilters());

        Assert.Equal("similar", Assert.Single(Of(SearchTelemetry.DurationName)).Tags[SearchTelemetry.KindTag]);
    }

    private IReadOnlyList<(string Instrument, double Value, Dictionary<string, object?> Tags)> Of(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument).ToList();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }
}
