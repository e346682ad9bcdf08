using System.Diagnostics;
using System.Globalization;
using M6Search.Indexing.State;

namespace M6Search.Indexing.Jobs;

/// <summary>
/// Where a job stands, told two ways: the state file next to the job (phase, status and counts, for a later run to see
/// whether it resumes) and the <see cref="IndexProgress"/> reports to the caller (rates and ETA while indexing).
/// </summary>
internal sealed class JobStatusTracker
{
    private readonly JobStateFile _stateFile;
    private readonly JobCounters _counters;
    private readonly IProgress<IndexProgress>? _progress;
    private readonly string _shard;
    private readonly Stopwatch _clock = new();
    private readonly Lock _stateLock = new();
    private IndexPhase _phase = IndexPhase.Starting;
    private long _indexingStartTicks;
    private long _indexingEndTicks;
    private IndexJobState? _state;

    public JobStatusTracker(JobStateFile stateFile, JobCounters counters, IProgress<IndexProgress>? progress, string shard)
    {
        _stateFile = stateFile;
        _counters = counters;
        _progress = progress;
        _shard = shard;
    }

    /// <summary>Catalog rows to expect (for the ETA); null until counted.</summary>
    public long? TotalRows { get; set; }

    /// <summary>The job's wall time so far.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public void StartClock() => _clock.Start();

    public void StopClock() => _clock.Stop();

    /// <summary>
    /// Writes the state of a job starting now and says whether it resumes an unfinished (or cancelled or failed) run of
    /// the same job: the same catalog file (path, length, time), shard, collection, model, mode and deletion list.
    /// </summary>
    public bool Begin(DateTimeOffset started, IndexJobOptions options, string catalogPath, string collection, string modelVersion)
    {
        CatalogIdentity catalog = CatalogIdentity.Of(catalogPath);
        string deletions = options.DeletionsPath is null ? string.Empty : Path.GetFullPath(options.DeletionsPath);
        string key = string.Join(
            '|',
            catalog.Path,
            catalog.Length.ToString(CultureInfo.InvariantCulture),
            catalog.LastWriteUtc.ToString("O", CultureInfo.InvariantCulture),
            options.Shard.ToString(),
            collection,
            modelVersion,
            options.FullCatalog ? "full" : "partial",
            deletions);
        IndexJobState? previous = _stateFile.TryRead();
        bool resumed = previous is not null && previous.JobKey == key
            && (previous.Phase != IndexPhase.Finished || previous.Status is IndexJobStatus.Cancelled or IndexJobStatus.Failed);
        _state = new IndexJobState
        {
            JobKey = key,
            Catalog = catalog,
            Shard = options.Shard.ToString(),
            Collection = collection,
            ModelVersion = modelVersion,
            FullCatalog = options.FullCatalog,
            DeletionsPath = options.DeletionsPath is null ? null : deletions,
            BatchSize = options.BatchSize,
            MaxErrors = options.MaxErrors,
            Phase = IndexPhase.Starting,
            Attempt = resumed ? previous!.Attempt + 1 : 1,
            StartedUtc = started,
            UpdatedUtc = started,
            Counts = new IndexCounts(),
        };
        _stateFile.Write(_state);
        return resumed;
    }

    /// <summary>Enters <paramref name="phase"/>: saves the state and reports progress.</summary>
    public void SetPhase(IndexPhase phase, IndexJobStatus? status = null)
    {
        _phase = phase;
        SaveState(status);
        Report();
    }

    /// <summary>Marks the start of the indexing stages (the rate and ETA count from here).</summary>
    public void IndexingStarted() => _indexingStartTicks = Stopwatch.GetTimestamp();

    /// <summary>Marks the end of the indexing stages (the rate stops at the time they ended).</summary>
    public void IndexingEnded() => _indexingEndTicks = Stopwatch.GetTimestamp();

    /// <summary>Writes the current phase, status and counts to the state file; a write that fails is skipped.</summary>
    public void SaveState(IndexJobStatus? status = null)
    {
        lock (_stateLock)
        {
            if (_state is null)
            {
                return;
            }

            _state = _state with { Phase = _phase, Status = status, UpdatedUtc = DateTimeOffset.UtcNow, Counts = _counters.Snapshot() };
            try
            {
                _stateFile.Write(_state);
            }
            catch (IOException)
            {
                // The state is advisory (the store is the source of truth); a full disk must not stop indexing.
            }
        }
    }

    /// <summary>Reports progress to the caller, if it asked for it.</summary>
    public void Report()
    {
        if (_progress is null)
        {
            return;
        }

        IndexCounts counts = _counters.Snapshot();
        double rate = 0;
        double? eta = null;
        if (_indexingStartTicks != 0)
        {
            long end = _indexingEndTicks != 0 ? _indexingEndTicks : Stopwatch.GetTimestamp();
            double seconds = Stopwatch.GetElapsedTime(_indexingStartTicks, end).TotalSeconds;
            long settled = counts.Done + counts.OtherShard;
            rate = seconds > 0 ? settled / seconds : 0;
            if (_phase == IndexPhase.Indexing && rate > 0 && TotalRows is long total)
            {
                eta = Math.Max(0, (total - settled) / rate);
            }
        }

        _progress.Report(new IndexProgress
        {
            Phase = _phase,
            Counts = counts,
            TotalRows = TotalRows,
            ElapsedSeconds = Math.Round(_clock.Elapsed.TotalSeconds, 3),
            RowsPerSecond = Math.Round(rate, 1),
            EtaSeconds = eta is null ? null : Math.Round(eta.Value, 1),
            Shard = _shard,
        });
    }

    /// <summary>Saves the state and reports progress every <paramref name="interval"/> until cancelled.</summary>
    public async Task ReportPeriodicallyAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                SaveState();
                Report();
            }
        }
        catch (OperationCanceledException)
        {
            // The indexing phase is over.
        }
    }
}
