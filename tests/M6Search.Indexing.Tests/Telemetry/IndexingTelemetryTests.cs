using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using M6Search.Indexing.Jobs;
using M6Search.Indexing.Telemetry;
using M6Search.Indexing.Tests.Support;
using M6Search.Stores.Embedded;

namespace M6Search.Indexing.Tests.Telemetry;

/// <summary>
/// What the pipeline records on its meter and activity source, as a <see cref="MeterListener"/> and an
/// <see cref="ActivityListener"/> see it. Each test writes to its own collection and keeps only that collection's
/// measurements, because the meter is shared by every job in the process (tests run in parallel).
/// </summary>
public sealed class IndexingTelemetryTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _collection = "telemetry_" + Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly MeterListener _listener = new();

    public IndexingTelemetryTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IndexingTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Index_CountsIndexedAndRejectedProducts_ThenUnchangedOnes_OnItsMeter()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 6);
        catalog.PlantProblems();

        IndexJobReport first = await RunAsync(catalog, "state1");
        long indexedAfterFirst = Sum(IndexingTelemetry.ProductsIndexedName);
        IndexJobReport second = await RunAsync(catalog, "state2");

        Assert.Equal(first.Counts.Indexed, indexedAfterFirst);
        Assert.True(indexedAfterFirst > 0);
        Assert.Equal(catalog.Planted.Count, first.Counts.Rejected);
        Assert.Equal(first.Counts.Rejected + second.Counts.Rejected, Sum(IndexingTelemetry.ProductsRejectedName));
        Assert.Equal(second.Counts.Unchanged, Sum(IndexingTelemetry.ProductsUnchangedName));
        Assert.Equal(first.Counts.Indexed, second.Counts.Unchanged);
        Assert.Contains(Of(IndexingTelemetry.ProductsRejectedName), m => (string?)m.Tags[IndexingTelemetry.RejectKindTag] == "row");
        Assert.Contains(Of(IndexingTelemetry.ProductsRejectedName), m => ((string?)m.Tags[IndexingTelemetry.RejectKindTag])!.StartsWith("image:", StringComparison.Ordinal));
        Assert.Equal(
            [nameof(IndexJobStatus.CompletedWithRejects), nameof(IndexJobStatus.CompletedWithRejects)],
            Of(IndexingTelemetry.JobsName).Select(m => (string)m.Tags[IndexingTelemetry.StatusTag]!));
    }

    [Fact]
    public async Task Index_RecordsOneEncodeDurationPerBatchAndModality_AndOneUpsertDurationPerBatch()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 20);

        IndexJobReport report = await RunAsync(catalog, "state", batch: 8);

        Assert.Equal(20, report.Counts.Indexed);
        Assert.Equal(3, Of(IndexingTelemetry.EncodeDurationName).Count(m => (string?)m.Tags[IndexingTelemetry.ModalityTag] == "text"));
        Assert.Equal(3, Of(IndexingTelemetry.EncodeDurationName).Count(m => (string?)m.Tags[IndexingTelemetry.ModalityTag] == "image"));
        Assert.Equal(3, Of(IndexingTelemetry.UpsertDurationName).Count);
        Assert.All(Of(IndexingTelemetry.EncodeDurationName).Concat(Of(IndexingTelemetry.UpsertDurationName)), m => Assert.True(m.Value >= 0));
    }

    [Fact]
    public async Task Index_StartsOneJobActivity_TaggedWithCollectionStatusAndCounts()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == IndexingTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if ((string?)activity.GetTagItem(IndexingTelemetry.CollectionTag) == _collection)
                {
                    activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(activityListener);
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 4);

        IndexJobReport report = await RunAsync(catalog, "state");

        Activity job = Assert.Single(activities);
        Assert.Equal(IndexingTelemetry.JobActivityName, job.OperationName);
        Assert.Equal(nameof(IndexJobStatus.Completed), job.GetTagItem(IndexingTelemetry.StatusTag));
        Assert.Equal(report.Counts.Indexed, job.GetTagItem("m6.index.indexed"));
        Assert.Equal(ActivityStatusCode.Ok, job.Status);
    }

    private async Task<IndexJobReport> RunAsync(TestCatalog catalog, string state, int batch = 8)
    {
        await using EmbeddedProductVectorStore store = await IndexingFixture.OpenStoreAsync(_temp.Combine("data"), _collection);
        var pipeline = new IndexingPipeline(new HashingEncoder(), store, IndexingFixture.Images);
        return await pipeline.RunAsync(IndexingFixture.Options(catalog, _temp.Combine(state), batch: batch));
    }

    private void Keep<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IConvertible
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        if ((string?)copy.GetValueOrDefault(IndexingTelemetry.CollectionTag) == _collection)
        {
            _measurements.Enqueue((instrument.Name, value.ToDouble(System.Globalization.CultureInfo.InvariantCulture), copy));
        }
    }

    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Of(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument).ToList();

    private long Sum(string instrument) => (long)Of(instrument).Sum(m => m.Value);
}
