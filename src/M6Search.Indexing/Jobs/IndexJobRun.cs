using System.Diagnostics;
using System.Text.Json;
using M6Search.Encoder;
using M6Search.Indexing.Deletions;
using M6Search.Indexing.Images;
using M6Search.Indexing.Jobs.Stages;
using M6Search.Indexing.Rejects;
using M6Search.Indexing.State;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Lexical;
using Microsoft.Extensions.Logging;

namespace M6Search.Indexing.Jobs;

/// <summary>
/// One run of one job, used once: its phases in order (state, collection, deletion list, the stored points, the
/// indexing stages, removals), how it ended, and the end report. The stages live in <see cref="Stages"/>; what they
/// share is a <see cref="JobContext"/>; the state file and progress reports are the <see cref="JobStatusTracker"/>'s.
/// </summary>
internal sealed class IndexJobRun
{
    private readonly JobContext _job;
    private readonly string _stateDirectory;
    private readonly JobStateFile _stateFile;
    private readonly JobStatusTracker _status;

    public IndexJobRun(
        IProductEncoder encoder,
        IProductVectorStore store,
        IProductImageSource images,
        LexicalVectorizer lexical,
        ILogger logger,
        IndexJobOptions options,
        IProgress<IndexProgress>? progress)
    {
        _job = new JobContext(encoder, store, images, lexical, logger, options);
        _stateDirectory = Path.GetFullPath(options.StateDirectory);
        _stateFile = new JobStateFile(Path.Combine(_stateDirectory, "state.json"));
        _status = new JobStatusTracker(_stateFile, _job.Counters, progress, options.Shard.ToString());
    }

    private string RejectsPath => Path.Combine(_stateDirectory, "rejects.jsonl");

    private string ReportPath => Path.Combine(_stateDirectory, "report.json");

    public async Task<IndexJobReport> RunAsync(CancellationToken cancellationToken)
    {
        _status.StartClock();
        DateTimeOffset started = DateTimeOffset.UtcNow;
        using Activity? activity = _job.Telemetry.StartJob(_job.Options.Shard.ToString(), _job.Encoder.ModelVersion);
        Directory.CreateDirectory(_stateDirectory);
        using var control = new JobControl(cancellationToken);
        JobOutcome outcome = await RunPhasesAsync(started, control, cancellationToken).ConfigureAwait(false);

        _status.StopClock();
        _status.SetPhase(IndexPhase.Finished, outcome.Status);
        IndexCounts counts = _job.Counters.Snapshot();
        double seconds = _status.Elapsed.TotalSeconds;
        IndexJobReport report = ReportOf(outcome, counts, started, seconds);
        JobStateFile.WriteAtomic(ReportPath, JsonSerializer.SerializeToUtf8Bytes(report, IndexingJson.Indented));
        _job.Telemetry.JobFinished(activity, outcome.Status, counts, outcome.Message);
        IndexingLog.JobFinished(_job.Logger, outcome.Status.ToString(), counts.Indexed, counts.Unchanged, counts.Rejected, counts.Deleted, seconds);
        return report;
    }

    /// <summary>Runs the phases; a failure, cancellation or too many rejects become the outcome, never an exception.</summary>
    private async Task<JobOutcome> RunPhasesAsync(DateTimeOffset started, JobControl control, CancellationToken cancellationToken)
    {
        bool resumed = false;
        bool removedMissing = false;
        string? message = null;
        try
        {
            using (var rejectReport = new RejectReportWriter(RejectsPath))
            {
                var rejects = new RejectSink(rejectReport, _job.Logger, _job.Counters, _job.Telemetry, control, _job.Options.MaxErrors);
                resumed = _status.Begin(started, _job.Options, _job.CatalogPath, _job.Store.Collection, _job.Encoder.ModelVersion);
                IndexingLog.JobStarted(_job.Logger, _job.CatalogPath, _job.Options.Shard.ToString(), _job.Store.Collection, _job.Encoder.ModelVersion, resumed);
                _status.Report();

                await _job.Store.EnsureCollectionAsync(CollectionSchema.ForProducts(_job.Encoder.Dimension), control.Token).ConfigureAwait(false);
                if (_job.Options.DeletionsPath is not null)
                {
                    HashSet<string> deletions = await DeletionList.ReadAsync(_job.Options.DeletionsPath, control.Token).ConfigureAwait(false);
                    deletions.RemoveWhere(id => !_job.Options.Shard.Contains(id));
                    _job.Inventory.Deletions = deletions;
                }

                _status.SetPhase(IndexPhase.LoadingExisting);
                await new StoredPointsStage(_job).RunAsync(control.Token).ConfigureAwait(false);
                _status.TotalRows = await Task.Run(() => CatalogRowCount.Of(_job.CatalogPath), control.Token).ConfigureAwait(false);

                _status.SetPhase(IndexPhase.Indexing);
                _status.IndexingStarted();
                try
                {
                    await new IndexingStages(_job, rejects, control, _status).RunAsync(control.Token).ConfigureAwait(false);
                }
                finally
                {
                    _status.IndexingEnded();
                    rejectReport.Flush();
                }

                if (control.FirstError is { } error)
                {
                    throw error;
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (!control.TooManyRejects)
                {
                    _status.SetPhase(IndexPhase.Deleting);
                    (removedMissing, message) = await new DeleteStage(_job, _status).RunAsync(control.Token).ConfigureAwait(false);
                }
            }

            if (control.TooManyRejects)
            {
                return new JobOutcome(IndexJobStatus.TooManyRejects, TooManyRejectsMessage(), resumed, removedMissing);
            }

            IndexJobStatus status = _job.Counters.Rejected > 0 ? IndexJobStatus.CompletedWithRejects : IndexJobStatus.Completed;
            return new JobOutcome(status, message, resumed, removedMissing);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            if (control.FirstError is null && cancellationToken.IsCancellationRequested)
            {
                return new JobOutcome(IndexJobStatus.Cancelled, "cancelled; run the same job again to finish it.", resumed, removedMissing);
            }

            if (control.FirstError is null && control.TooManyRejects)
            {
                return new JobOutcome(IndexJobStatus.TooManyRejects, TooManyRejectsMessage(), resumed, removedMissing);
            }

            Exception cause = control.FirstError ?? exception;
            IndexingLog.JobFailed(_job.Logger, cause);
            return new JobOutcome(IndexJobStatus.Failed, cause.Message, resumed, removedMissing);
        }
    }

    private string TooManyRejectsMessage() =>
        $"stopped after {_job.Counters.Rejected} rejected rows (more than --max-errors {_job.Options.MaxErrors}); nothing was removed.";

    private IndexJobReport ReportOf(JobOutcome outcome, IndexCounts counts, DateTimeOffset started, double seconds) => new()
    {
        Status = outcome.Status,
        Message = outcome.Message,
        Counts = counts,
        Shard = _job.Options.Shard.ToString(),
        Collection = _job.Store.Collection,
        ModelVersion = _job.Encoder.ModelVersion,
        StartedUtc = started,
        ElapsedSeconds = Math.Round(seconds, 3),
        ProductsPerSecond = seconds > 0 ? Math.Round((counts.Indexed + counts.Unchanged + counts.Rejected) / seconds, 1) : 0,
        EncodedPerSecond = seconds > 0 ? Math.Round(counts.Encoded / seconds, 1) : 0,
        Stages = _job.Counters.Times(),
        ResumedInterruptedRun = outcome.Resumed,
        RemovedMissing = outcome.RemovedMissing,
        ErrorReportPath = RejectsPath,
        ReportPath = ReportPath,
        StatePath = _stateFile.Path,
    };
}
