using System.Diagnostics;
using M6Search.Indexing.Jobs;

namespace M6Search.Indexing.Telemetry;

/// <summary>
/// What one indexing job records through <see cref="IndexingTelemetry"/>: its span and the per-collection counters and
/// durations of its stages. Every measurement carries the job's collection.
/// </summary>
internal sealed class JobTelemetry
{
    private readonly string _collection;
    private readonly KeyValuePair<string, object?> _collectionTag;

    public JobTelemetry(string collection)
    {
        _collection = collection;
        _collectionTag = IndexingTelemetry.Collection(collection);
    }

    /// <summary>Starts the job's span (null when nobody listens); the caller disposes it.</summary>
    public Activity? StartJob(string shard, string modelVersion)
    {
        Activity? activity = IndexingTelemetry.Source.StartActivity(IndexingTelemetry.JobActivityName);
        activity?.SetTag(IndexingTelemetry.CollectionTag, _collection);
        activity?.SetTag("m6.index.shard", shard);
        activity?.SetTag("m6.model.version", modelVersion);
        return activity;
    }

    /// <summary>Counts the finished job by status and closes its span with the counts and the outcome.</summary>
    public void JobFinished(Activity? activity, IndexJobStatus status, IndexCounts counts, string? message)
    {
        IndexingTelemetry.Jobs.Add(1, _collectionTag, new(IndexingTelemetry.StatusTag, status.ToString()));
        if (activity is null)
        {
            return;
        }

        activity.SetTag(IndexingTelemetry.StatusTag, status.ToString());
        activity.SetTag("m6.index.indexed", counts.Indexed);
        activity.SetTag("m6.index.unchanged", counts.Unchanged);
        activity.SetTag("m6.index.rejected", counts.Rejected);
        activity.SetTag("m6.index.deleted", counts.Deleted);
        activity.SetStatus(status is IndexJobStatus.Failed or IndexJobStatus.TooManyRejects ? ActivityStatusCode.Error : ActivityStatusCode.Ok, message);
    }

    public void Unchanged() => IndexingTelemetry.ProductsUnchanged.Add(1, _collectionTag);

    public void Rejected(string kind) => IndexingTelemetry.ProductsRejected.Add(1, _collectionTag, new(IndexingTelemetry.RejectKindTag, kind));

    public void Deleted(int count) => IndexingTelemetry.ProductsDeleted.Add(count, _collectionTag);

    /// <summary>An encoded batch of one modality ("text" or "image"), timed from <paramref name="startTimestamp"/>.</summary>
    public void Encoded(long startTimestamp, string modality) => IndexingTelemetry.EncodeDuration.Record(
        Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, _collectionTag, new(IndexingTelemetry.ModalityTag, modality));

    /// <summary>An upserted batch of <paramref name="points"/>, timed from <paramref name="startTimestamp"/>.</summary>
    public void Upserted(long startTimestamp, int points)
    {
        IndexingTelemetry.UpsertDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, _collectionTag);
        IndexingTelemetry.ProductsIndexed.Add(points, _collectionTag);
    }
}
