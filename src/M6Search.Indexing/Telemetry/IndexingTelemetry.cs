using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace M6Search.Indexing.Telemetry;

/// <summary>
/// The indexing pipeline's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <see cref="Name"/>. Every
/// measurement carries the collection (<see cref="CollectionTag"/>), so one dashboard can follow several jobs.
/// Nothing is exported unless a listener subscribes (OpenTelemetry in the web app or in <c>m6</c>, see
/// deploy/OPERATIONS.md "Monitoring"); without one, recording costs a check per call.
/// </summary>
public static class IndexingTelemetry
{
    /// <summary>Name of the activity source and of the meter.</summary>
    public const string Name = "M6Search.Indexing";

    /// <summary>The span of one job, from opening the collection to the report.</summary>
    public const string JobActivityName = "m6.index.job";

    public const string ProductsIndexedName = "m6.indexing.products.indexed";
    public const string ProductsUnchangedName = "m6.indexing.products.unchanged";
    public const string ProductsRejectedName = "m6.indexing.products.rejected";
    public const string ProductsDeletedName = "m6.indexing.products.deleted";
    public const string EncodeDurationName = "m6.indexing.encode.duration";
    public const string UpsertDurationName = "m6.indexing.upsert.duration";
    public const string JobsName = "m6.indexing.jobs";

    /// <summary>Tag: the collection written to.</summary>
    public const string CollectionTag = "m6.collection";

    /// <summary>Tag of rejects: "row" or "image:KIND" (<see cref="Rejects.IndexReject.Kind"/>).</summary>
    public const string RejectKindTag = "m6.reject.kind";

    /// <summary>Tag of encode durations: "text" or "image".</summary>
    public const string ModalityTag = "m6.modality";

    /// <summary>Tag of finished jobs: their <see cref="Jobs.IndexJobStatus"/>.</summary>
    public const string StatusTag = "m6.index.status";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> ProductsIndexed = Meter.CreateCounter<long>(
        ProductsIndexedName, "{product}", "Products written to the store (new or changed).");

    internal static readonly Counter<long> ProductsUnchanged = Meter.CreateCounter<long>(
        ProductsUnchangedName, "{product}", "Products skipped because their content hash matched the stored point.");

    internal static readonly Counter<long> ProductsRejected = Meter.CreateCounter<long>(
        ProductsRejectedName, "{product}", "Catalog rows not indexed (bad row or image), as written to the error report.");

    internal static readonly Counter<long> ProductsDeleted = Meter.CreateCounter<long>(
        ProductsDeletedName, "{product}", "Products removed from the store (deletion list or --full).");

    internal static readonly Histogram<double> EncodeDuration = Meter.CreateHistogram<double>(
        EncodeDurationName, "s", "Time to encode one batch with the model, per modality.");

    internal static readonly Histogram<double> UpsertDuration = Meter.CreateHistogram<double>(
        UpsertDurationName, "s", "Time to upsert one batch into the store, retries included.");

    internal static readonly Counter<long> Jobs = Meter.CreateCounter<long>(
        JobsName, "{job}", "Indexing jobs finished, by status.");

    internal static KeyValuePair<string, object?> Collection(string collection) => new(CollectionTag, collection);
}
