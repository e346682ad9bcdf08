using M6Search.Imaging;
using M6Search.Imaging.Remote;
using M6Search.Indexing.Images;
using M6Search.Indexing.Jobs;
using M6Search.Web.Configuration;
using M6Search.Web.Demo;
using M6Search.Web.Facets;
using M6Search.Web.Merchants;
using M6Search.Web.Runtime;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Jobs;

/// <summary>
/// Runs indexing jobs in the app, one at a time, on the app's own open store (the embedded store's file lock lets no
/// other process write) and its one encoder (each batch takes its turn with shoppers' queries). Progress goes to
/// <see cref="Current"/> and <see cref="Changed"/>; every job is kept in the SQLite history. At start-up, jobs a
/// previous process left running are marked interrupted; at shutdown the running job is cancelled (its state lets
/// the same job resume when started again).
/// </summary>
public sealed partial class IndexingJobRunner : IHostedService, IDisposable
{
    /// <summary>The error report's file name in a job's folder (written by the indexing pipeline).</summary>
    public const string ErrorReportFile = "rejects.jsonl";

    private readonly SearchRuntime _runtime;
    private readonly DemoProgress _demo;
    private readonly SqliteJobHistory _history;
    private readonly CatalogPathPolicy _paths;
    private readonly MerchantDashboards _dashboards;
    private readonly CatalogFacetsCache _facets;
    private readonly JobOptions _options;
    private readonly string _jobsFolder;
    private readonly RemoteImagePolicy _remoteImages;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<IndexingJobRunner> _logger;
    private readonly Lock _lock = new();
    private ActiveJob? _current;
    private CancellationTokenSource? _cancel;
    private Task _running = Task.CompletedTask;

    public IndexingJobRunner(
        SearchRuntime runtime,
        DemoProgress demo,
        SqliteJobHistory history,
        CatalogPathPolicy paths,
        MerchantDashboards dashboards,
        CatalogFacetsCache facets,
        IOptions<JobOptions> options,
        IOptions<M6Options> m6,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        _runtime = runtime;
        _demo = demo;
        _history = history;
        _paths = paths;
        _dashboards = dashboards;
        _facets = facets;
        _options = options.Value;
        _jobsFolder = Path.Combine(m6.Value.DataDirFullPath, "jobs");
        _remoteImages = m6.Value.RemoteImages;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<IndexingJobRunner>();
    }

    /// <summary>Raised (from a background thread) when a job starts, reports progress or ends.</summary>
    public event Action? Changed;

    /// <summary>The running job, or null.</summary>
    public ActiveJob? Current => _current;

    /// <summary>The folders catalogs must lie under.</summary>
    public IReadOnlyList<string> CatalogRoots => _paths.Roots;

    public SqliteJobHistory History => _history;

    /// <summary>Starts a job on the catalog; returns it, or why it cannot start (nothing is started then).</summary>
    public async Task<(JobRecord? Job, string? Error)> StartAsync(string? catalogPath, string startedBy, CancellationToken cancellationToken = default)
    {
        (string? path, string? error) = _paths.Resolve(catalogPath);
        if (error is not null)
        {
            return (null, error);
        }

        if (_runtime.Store is not { } store || _runtime.Embedder is not { } embedder)
        {
            return (null, $"Search is not running yet ({_runtime.Problem}); start the job when it is.");
        }

        if (_demo.Current.InProgress)
        {
            return (null, "The demo catalog is still being indexed; start the job when it has finished.");
        }

        JobRecord job;
        lock (_lock)
        {
            if (_current is not null)
            {
                return (null, "A job is already running; wait for it to end or cancel it.");
            }

            string id = Guid.NewGuid().ToString("N");
            job = new JobRecord
            {
                Id = id,
                CatalogPath = path!,
                StartedBy = startedBy,
                StartedUtc = _time.GetUtcNow(),
                State = JobState.Running,
                StateDirectory = Path.Combine(_jobsFolder, id),
            };
            _current = new ActiveJob(job, null);
            _cancel = new CancellationTokenSource();
        }

        try
        {
            await _history.SaveAsync(job, cancellationToken);
        }
        catch
        {
            lock (_lock)
            {
                _current = null;
            }

            throw;
        }

        // Local images only under the catalog roots; remote ones only from hosts and addresses M6:RemoteImages allows.
        var images = new ProductImageSource(
            new ImageLoader(new ImageLoadOptions { Remote = new RemoteImageOptions { Policy = _remoteImages } }), _paths.Folders);
        var pipeline = new IndexingPipeline(embedder.AsSharedEncoder(), store, images, _loggers.CreateLogger<IndexingPipeline>());
        CancellationToken token = _cancel.Token;
        _running = Task.Run(() => RunAsync(pipeline, job, token), CancellationToken.None);
        LogStarted(_logger, job.Id, job.CatalogPath, startedBy);
        Changed?.Invoke();
        return (job, null);
    }

    /// <summary>Asks the running job to stop; false when no job with that id runs.</summary>
    public bool Cancel(string jobId)
    {
        lock (_lock)
        {
            if (_current?.Record.Id != jobId || _cancel is null)
            {
                return false;
            }

            _cancel.Cancel();
            return true;
        }
    }

    /// <summary>The error report of a job of the history, or null when the job or its report does not exist.</summary>
    public async Task<(JobRecord Job, string Path)?> ErrorReportAsync(string jobId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(jobId) || jobId.Length != 32 || !jobId.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        JobRecord? job = await _history.GetAsync(jobId, cancellationToken);
        if (job is null)
        {
            return null;
        }

        string path = Path.Combine(job.StateDirectory, ErrorReportFile);
        return File.Exists(path) ? (job, path) : null;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        int interrupted = await _history.MarkInterruptedAsync(_time.GetUtcNow(), cancellationToken);
        if (interrupted > 0)
        {
            LogInterrupted(_logger, interrupted);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _cancel?.Cancel();
        }

        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _cancel?.Dispose();

    private async Task RunAsync(IndexingPipeline pipeline, JobRecord job, CancellationToken cancellationToken)
    {
        var progress = new InlineProgress(p =>
        {
            lock (_lock)
            {
                _current = _current is null ? null : _current with { Progress = p };
            }

            Changed?.Invoke();
        });
        JobRecord finished;
        try
        {
            IndexJobReport report = await pipeline.RunAsync(
                new IndexJobOptions
                {
                    CatalogPath = job.CatalogPath,
                    StateDirectory = job.StateDirectory,
                    BatchSize = _options.BatchSize,
                    MaxErrors = _options.MaxErrors,
                    DegreeOfParallelism = _options.DegreeOfParallelism,
                },
                progress,
                cancellationToken);
            finished = job with
            {
                State = Enum.Parse<JobState>(report.Status.ToString()),
                FinishedUtc = _time.GetUtcNow(),
                Message = report.Message,
                Indexed = report.Counts.Indexed,
                Unchanged = report.Counts.Unchanged,
                Rejected = report.Counts.Rejected,
                Deleted = report.Counts.Deleted,
            };
        }
        catch (Exception exception)
        {
            LogFailed(_logger, job.Id, exception);
            finished = job with { State = JobState.Failed, FinishedUtc = _time.GetUtcNow(), Message = exception.Message };
        }

        try
        {
            await _history.SaveAsync(finished, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogFailed(_logger, job.Id, exception);
        }

        lock (_lock)
        {
            _current = null;
            _cancel?.Dispose();
            _cancel = null;
        }

        _dashboards.InvalidateRankings();
        _facets.Invalidate();
        LogFinished(_logger, job.Id, finished.State.ToString(), finished.Indexed, finished.Rejected);
        Changed?.Invoke();
    }

    /// <summary>Reports on the reporting thread (the pipeline reports every half second).</summary>
    private sealed class InlineProgress(Action<IndexProgress> report) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value) => report(value);
    }

    [LoggerMessage(EventId = 6400, Level = LogLevel.Information, Message = "Indexing job {JobId} started on {CatalogPath} by {User}")]
    private static partial void LogStarted(ILogger logger, string jobId, string catalogPath, string user);

    [LoggerMessage(EventId = 6401, Level = LogLevel.Information, Message = "Indexing job {JobId} ended: {State}, {Indexed} indexed, {Rejected} rejected")]
    private static partial void LogFinished(ILogger logger, string jobId, string state, long indexed, long rejected);

    [LoggerMessage(EventId = 6402, Level = LogLevel.Error, Message = "Indexing job {JobId} failed")]
    private static partial void LogFailed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(EventId = 6403, Level = LogLevel.Warning, Message = "{Count} indexing jobs were left running by a previous process and are marked interrupted")]
    private static partial void LogInterrupted(ILogger logger, int count);
}
