using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using M6Search.Catalog.Reading;
using M6Search.Catalog.Validation;
using M6Search.Encoder;
using M6Search.Imaging.Errors;
using M6Search.Indexing.Deletions;
using M6Search.Indexing.Hashing;
using M6Search.Indexing.Images;
using M6Search.Stores.Lexical;
using M6Search.Indexing.Rejects;
using M6Search.Indexing.State;
using M6Search.Indexing.Telemetry;
using M6Search.Stores.Abstractions;
using Microsoft.Extensions.Logging;

namespace M6Search.Indexing.Jobs;

/// <summary>One run of one job: the stages, their shared state, and the end report. Used once.</summary>
internal sealed class IndexJobRun
{
    private const int ScrollPageSize = 512;
    private const int DeleteBatchSize = 256;

    private readonly IProductEncoder _encoder;
    private readonly IProductVectorStore _store;
    private readonly IProductImageSource _images;
    private readonly LexicalVectorizer _lexical;
    private readonly ILogger _logger;
    private readonly IndexJobOptions _options;
    private readonly IProgress<IndexProgress>? _progress;
    private readonly JobCounters _counters = new();
    private readonly Stopwatch _clock = new();
    private readonly string _catalogPath;
    private readonly string _catalogDirectory;
    private readonly string _stateDirectory;
    private readonly JobStateFile _stateFile;
    private readonly Lock _stateLock = new();

    // Stored ids of this shard and their content hashes; filled before indexing, read-only while the stages run.
    private readonly Dictionary<string, string?> _existing = new(StringComparer.Ordinal);

    // Ids of this shard seen in the catalog (valid or rejected); written by the reader only.
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private HashSet<string> _deletions = new(StringComparer.Ordinal);
    private long _idlessRejects;
    private volatile bool _tooManyRejects;
    private Exception? _firstError;
    private IndexPhase _phase = IndexPhase.Starting;
    private long? _totalRows;
    private long _indexingStartTicks;
    private long _indexingEndTicks;
    private IndexJobState? _state;
    private RejectReportWriter? _rejects;
    private CancellationTokenSource? _stop;

    public IndexJobRun(
        IProductEncoder encoder,
        IProductVectorStore store,
        IProductImageSource images,
        LexicalVectorizer lexical,
        ILogger logger,
        IndexJobOptions options,
        IProgress<IndexProgress>? progress)
    {
        _encoder = encoder;
        _store = store;
        _images = images;
        _lexical = lexical;
        _logger = logger;
        _options = options;
        _progress = progress;
        _catalogPath = Path.GetFullPath(options.CatalogPath);
        _catalogDirectory = Path.GetDirectoryName(_catalogPath) ?? Directory.GetCurrentDirectory();
        _stateDirectory = Path.GetFullPath(options.StateDirectory);
        _stateFile = new JobStateFile(Path.Combine(_stateDirectory, "state.json"));
    }

    private string RejectsPath => Path.Combine(_stateDirectory, "rejects.jsonl");

    private string ReportPath => Path.Combine(_stateDirectory, "report.json");

    public async Task<IndexJobReport> RunAsync(CancellationToken cancellationToken)
    {
        _clock.Start();
        DateTimeOffset started = DateTimeOffset.UtcNow;
        using Activity? activity = IndexingTelemetry.Source.StartActivity(IndexingTelemetry.JobActivityName);
        activity?.SetTag(IndexingTelemetry.CollectionTag, _store.Collection);
        activity?.SetTag("m6.index.shard", _options.Shard.ToString());
        activity?.SetTag("m6.model.version", _encoder.ModelVersion);
        Directory.CreateDirectory(_stateDirectory);
        bool resumed = false;
        bool removedMissing = false;
        string? message = null;
        IndexJobStatus status;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stop = stop;
        try
        {
            using (_rejects = new RejectReportWriter(RejectsPath))
            {
                resumed = BeginState(started);
                IndexingLog.JobStarted(_logger, _catalogPath, _options.Shard.ToString(), _store.Collection, _encoder.ModelVersion, resumed);
                Report();

                await _store.EnsureCollectionAsync(CollectionSchema.ForProducts(_encoder.Dimension), stop.Token).ConfigureAwait(false);
                if (_options.DeletionsPath is not null)
                {
                    _deletions = await DeletionList.ReadAsync(_options.DeletionsPath, stop.Token).ConfigureAwait(false);
                    _deletions.RemoveWhere(id => !_options.Shard.Contains(id));
                }

                SetPhase(IndexPhase.LoadingExisting);
                await LoadExistingAsync(stop.Token).ConfigureAwait(false);
                _totalRows = await Task.Run(() => CountRows(_catalogPath), stop.Token).ConfigureAwait(false);

                SetPhase(IndexPhase.Indexing);
                _indexingStartTicks = Stopwatch.GetTimestamp();
                try
                {
                    await IndexAsync(stop.Token).ConfigureAwait(false);
                }
                finally
                {
                    _indexingEndTicks = Stopwatch.GetTimestamp();
                    _rejects.Flush();
                }


                if (_firstError is not null)
                {
                    throw _firstError;
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (!_tooManyRejects)
                {
                    SetPhase(IndexPhase.Deleting);
                    (removedMissing, message) = await DeleteAsync(stop.Token).ConfigureAwait(false);
                }
            }

            status = _tooManyRejects ? IndexJobStatus.TooManyRejects
                : _counters.Rejected > 0 ? IndexJobStatus.CompletedWithRejects
                : IndexJobStatus.Completed;
            if (_tooManyRejects)
            {
                message = $"stopped after {_counters.Rejected} rejected rows (more than --max-errors {_options.MaxErrors}); nothing was removed.";
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            if (_firstError is null && cancellationToken.IsCancellationRequested)
            {
                status = IndexJobStatus.Cancelled;
                message = "cancelled; run the same job again to finish it.";
            }
            else if (_firstError is null && _tooManyRejects)
            {
                status = IndexJobStatus.TooManyRejects;
                message = $"stopped after {_counters.Rejected} rejected rows (more than --max-errors {_options.MaxErrors}); nothing was removed.";
            }
            else
            {
                Exception cause = _firstError ?? exception;
                IndexingLog.JobFailed(_logger, cause);
                status = IndexJobStatus.Failed;
                message = cause.Message;
            }
        }

        _clock.Stop();
        SetPhase(IndexPhase.Finished, status);
        IndexCounts counts = _counters.Snapshot();
        double seconds = _clock.Elapsed.TotalSeconds;
        var report = new IndexJobReport
        {
            Status = status,
            Message = message,
            Counts = counts,
            Shard = _options.Shard.ToString(),
            Collection = _store.Collection,
            ModelVersion = _encoder.ModelVersion,
            StartedUtc = started,
            ElapsedSeconds = Math.Round(seconds, 3),
            ProductsPerSecond = seconds > 0 ? Math.Round((counts.Indexed + counts.Unchanged + counts.Rejected) / seconds, 1) : 0,
            EncodedPerSecond = seconds > 0 ? Math.Round(counts.Encoded / seconds, 1) : 0,
            Stages = _counters.Times(),
            ResumedInterruptedRun = resumed,
            RemovedMissing = removedMissing,
            ErrorReportPath = RejectsPath,
            ReportPath = ReportPath,
            StatePath = _stateFile.Path,
        };
        JobStateFile.WriteAtomic(ReportPath, JsonSerializer.SerializeToUtf8Bytes(report, IndexingJson.Indented));
        IndexingTelemetry.Jobs.Add(1, IndexingTelemetry.Collection(_store.Collection), new(IndexingTelemetry.StatusTag, status.ToString()));
        if (activity is not null)
        {
            activity.SetTag(IndexingTelemetry.StatusTag, status.ToString());
            activity.SetTag("m6.index.indexed", counts.Indexed);
            activity.SetTag("m6.index.unchanged", counts.Unchanged);
            activity.SetTag("m6.index.rejected", counts.Rejected);
            activity.SetTag("m6.index.deleted", counts.Deleted);
            activity.SetStatus(status is IndexJobStatus.Failed or IndexJobStatus.TooManyRejects ? ActivityStatusCode.Error : ActivityStatusCode.Ok, message);
        }

        IndexingLog.JobFinished(_logger, status.ToString(), counts.Indexed, counts.Unchanged, counts.Rejected, counts.Deleted, seconds);
        return report;
    }

    /// <summary>Number of catalog rows to expect: the lines of the file that are not blank (minus the CSV header).</summary>
    internal static long CountRows(string path)
    {
        long rows = 0;
        bool lineHasText = false;
        byte[] buffer = new byte[1 << 16];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (byte b in buffer.AsSpan(0, read))
            {
                if (b == (byte)'\n')
                {
                    rows += lineHasText ? 1 : 0;
                    lineHasText = false;
                }
                else if (b is not (byte)'\r' and not (byte)' ' and not (byte)'\t')
                {
                    lineHasText = true;
                }
            }
        }

        rows += lineHasText ? 1 : 0;
        bool csv = string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase);
        return csv ? Math.Max(0, rows - 1) : rows;
    }

    private bool BeginState(DateTimeOffset started)
    {
        CatalogIdentity catalog = CatalogIdentity.Of(_catalogPath);
        string deletions = _options.DeletionsPath is null ? string.Empty : Path.GetFullPath(_options.DeletionsPath);
        string key = string.Join(
            '|',
            catalog.Path,
            catalog.Length.ToString(CultureInfo.InvariantCulture),
            catalog.LastWriteUtc.ToString("O", CultureInfo.InvariantCulture),
            _options.Shard.ToString(),
            _store.Collection,
            _encoder.ModelVersion,
            _options.FullCatalog ? "full" : "partial",
            deletions);
        IndexJobState? previous = _stateFile.TryRead();
        bool resumed = previous is not null && previous.JobKey == key
            && (previous.Phase != IndexPhase.Finished || previous.Status is IndexJobStatus.Cancelled or IndexJobStatus.Failed);
        _state = new IndexJobState
        {
            JobKey = key,
            Catalog = catalog,
            Shard = _options.Shard.ToString(),
            Collection = _store.Collection,
            ModelVersion = _encoder.ModelVersion,
            FullCatalog = _options.FullCatalog,
            DeletionsPath = _options.DeletionsPath is null ? null : deletions,
            BatchSize = _options.BatchSize,
            MaxErrors = _options.MaxErrors,
            Phase = IndexPhase.Starting,
            Attempt = resumed ? previous!.Attempt + 1 : 1,
            StartedUtc = started,
            UpdatedUtc = started,
            Counts = new IndexCounts(),
        };
        _stateFile.Write(_state);
        return resumed;
    }

    private void SetPhase(IndexPhase phase, IndexJobStatus? status = null)
    {
        _phase = phase;
        SaveState(status);
        Report();
    }

    private void SaveState(IndexJobStatus? status = null)
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

    private void Report()
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
            if (_phase == IndexPhase.Indexing && rate > 0 && _totalRows is long total)
            {
                eta = Math.Max(0, (total - settled) / rate);
            }
        }

        _progress.Report(new IndexProgress
        {
            Phase = _phase,
            Counts = counts,
            TotalRows = _totalRows,
            ElapsedSeconds = Math.Round(_clock.Elapsed.TotalSeconds, 3),
            RowsPerSecond = Math.Round(rate, 1),
            EtaSeconds = eta is null ? null : Math.Round(eta.Value, 1),
            Shard = _options.Shard.ToString(),
        });
    }

    private async Task LoadExistingAsync(CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        string? offset = null;
        do
        {
            ScrollPage page = await _store.ScrollAsync(
                new ScrollRequest { Limit = ScrollPageSize, Offset = offset, WithVectors = false }, cancellationToken).ConfigureAwait(false);
            foreach (ProductPoint point in page.Points)
            {
                if (_options.Shard.Contains(point.Product.Id))
                {
                    _existing[point.Product.Id] = point.ContentHash;
                }
            }

            offset = page.NextOffset;
        }
        while (offset is not null);

        _counters.AddLoadExisting(Stopwatch.GetTimestamp() - start);
    }

    private async Task IndexAsync(CancellationToken cancellationToken)
    {
        int batch = _options.BatchSize;
        var rows = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(Math.Max(64, 4 * _options.DegreeOfParallelism))
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var prepared = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(2 * batch)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var encoded = Channel.CreateBounded<EncodedBatch>(new BoundedChannelOptions(2)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        using var reporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task reporter = ReportPeriodicallyAsync(reporting.Token);
        Task reader = RunStageAsync(() => ReadCatalogAsync(rows.Writer, cancellationToken), rows.Writer);
        Task preparer = RunStageAsync(() => PrepareAllAsync(rows.Reader, prepared.Writer, cancellationToken), prepared.Writer);
        Task encoder = Task.Factory.StartNew(
            () => RunStage(() => EncodeAll(prepared.Reader, encoded.Writer, cancellationToken), encoded.Writer),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Task writer = RunStageAsync(() => WriteAllAsync(encoded.Reader, cancellationToken), output: null);
        try
        {
            await Task.WhenAll(reader, preparer, encoder, writer).ConfigureAwait(false);
        }
        finally
        {
            await reporting.CancelAsync().ConfigureAwait(false);
            await reporter.ConfigureAwait(false);
        }
    }

    private async Task ReportPeriodicallyAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.ProgressInterval);
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

    private async Task RunStageAsync<T>(Func<Task> body, ChannelWriter<T>? output)
    {
        try
        {
            await body().ConfigureAwait(false);
            output?.TryComplete();
        }
        catch (Exception exception)
        {
            StageFailed(exception);
            output?.TryComplete(exception);
            throw;
        }
    }

    private Task RunStageAsync(Func<Task> body, ChannelWriter<EncodedBatch>? output) => RunStageAsync<EncodedBatch>(body, output);

    private void RunStage<T>(Action body, ChannelWriter<T> output)
    {
        try
        {
            body();
            output.TryComplete();
        }
        catch (Exception exception)
        {
            StageFailed(exception);
            output.TryComplete(exception);
            throw;
        }
    }

    private void StageFailed(Exception exception)
    {
        if (exception is not OperationCanceledException and not ChannelClosedException)
        {
            Interlocked.CompareExchange(ref _firstError, exception, null);
        }

        try
        {
            _stop?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run is already over.
        }
    }

    private async Task ReadCatalogAsync(ChannelWriter<WorkItem> output, CancellationToken cancellationToken)
    {
        var readOptions = new CatalogReadOptions { Format = _options.CatalogFormat };
        IAsyncEnumerator<CatalogRecord> records = CatalogReader.ReadAsync(_catalogPath, readOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (records.ConfigureAwait(false))
        {
            while (true)
            {
                long start = Stopwatch.GetTimestamp();
                bool more = await records.MoveNextAsync().ConfigureAwait(false);
                _counters.AddRead(Stopwatch.GetTimestamp() - start);
                if (!more)
                {
                    break;
                }

                CatalogRecord record = records.Current;
                _counters.AddRead();
                if (record.Product is null)
                {
                    RejectRow(record);
                    continue;
                }

                string id = record.Product.Id;
                if (!_options.Shard.Contains(id))
                {
                    _counters.AddOtherShard();
                    continue;
                }

                _seen.Add(id);
                if (_deletions.Contains(id))
                {
                    _counters.AddListedForDeletion();
                    continue;
                }

                await output.WriteAsync(new WorkItem { Line = record.Line, Product = record.Product }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void RejectRow(CatalogRecord record)
    {
        string? id = record.Issues.Select(issue => issue.ProductId).FirstOrDefault(value => value is not null);
        string reason = string.Join("; ", record.Issues.Where(issue => issue.Severity == IssueSeverity.Error).Select(Describe));
        if (id is null)
        {
            // No id: it might be any shard's product, so no shard may remove missing products; shard 0 reports the row.
            Interlocked.Increment(ref _idlessRejects);
            if (_options.Shard.Index == 0)
            {
                Reject(new IndexReject(record.Line, null, reason, "row"));
            }

            return;
        }

        if (!_options.Shard.Contains(id))
        {
            _counters.AddOtherShard();
            return;
        }

        // The id is protected: a product whose row is broken today keeps what the store holds for it.
        _seen.Add(id);
        Reject(new IndexReject(record.Line, id, reason, "row"));
    }

    private static string Describe(CatalogIssue issue) =>
        issue.Field is null ? issue.Message : $"field '{issue.Field}': {issue.Message}";

    private void Reject(IndexReject reject)
    {
        _rejects!.Write(reject);
        IndexingLog.Rejected(_logger, reject.Line, reject.Id, reject.Reason);
        long rejected = _counters.AddRejected();
        IndexingTelemetry.ProductsRejected.Add(1, IndexingTelemetry.Collection(_store.Collection), new(IndexingTelemetry.RejectKindTag, reject.Kind));
        if (_options.MaxErrors is long max && rejected > max && !_tooManyRejects)
        {
            _tooManyRejects = true;
            try
            {
                _stop?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run is already over.
            }
        }
    }

    private async Task PrepareAllAsync(ChannelReader<WorkItem> input, ChannelWriter<WorkItem> output, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.DegreeOfParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(input.ReadAllAsync(cancellationToken), parallel, (item, token) => PrepareAsync(item, output, token))
            .ConfigureAwait(false);
    }

    private async ValueTask PrepareAsync(WorkItem item, ChannelWriter<WorkItem> output, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        byte[]? bytes;
        try
        {
            bytes = await _images.ReadAsync(item.Product, _catalogDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (ImageLoadException exception)
        {
            _counters.AddImageRead(Stopwatch.GetTimestamp() - start);
            Reject(new IndexReject(item.Line, item.Product.Id, $"field 'image': {exception.Message}", "image:" + exception.Kind));
            return;
        }

        string embedding = ContentHasher.EmbeddingHash(_encoder.ModelVersion, item.Product.Title, bytes, bytes is not null);
        string hash = ContentHasher.Combine(embedding, ContentHasher.PayloadHash(item.Product));
        _counters.AddImageRead(Stopwatch.GetTimestamp() - start);
        _existing.TryGetValue(item.Product.Id, out string? stored);
        if (stored == hash)
        {
            _counters.AddUnchanged();
            IndexingTelemetry.ProductsUnchanged.Add(1, IndexingTelemetry.Collection(_store.Collection));
            return;
        }

        item.ContentHash = hash;
        if (ContentHasher.EmbeddingPartOf(stored) == embedding)
        {
            ProductPoint? old = await _store.GetAsync(item.Product.Id, withVectors: true, cancellationToken).ConfigureAwait(false);
            if (old is not null && old.Vectors.ContainsKey(CollectionSchema.TextVector))
            {
                item.Reused = old;
                await output.WriteAsync(item, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        if (bytes is not null)
        {
            long decodeStart = Stopwatch.GetTimestamp();
            try
            {
                item.Pixels = _images.Decode(bytes, item.Product.Image!, _encoder.ImageSize);
            }
            catch (ImageLoadException exception)
            {
                Reject(new IndexReject(item.Line, item.Product.Id, $"field 'image': {exception.Message}", "image:" + exception.Kind));
                return;
            }
            finally
            {
                _counters.AddDecode(Stopwatch.GetTimestamp() - decodeStart);
            }
        }

        await output.WriteAsync(item, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The encoder stage, on its own thread: the encoder is synchronous and keeps thread-static dispose scopes.</summary>
    private void EncodeAll(ChannelReader<WorkItem> input, ChannelWriter<EncodedBatch> output, CancellationToken cancellationToken)
    {
        var batch = new List<WorkItem>(_options.BatchSize);
        while (true)
        {
            batch.Clear();
            while (batch.Count < _options.BatchSize && input.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < _options.BatchSize && input.TryRead(out WorkItem? item))
                {
                    batch.Add(item);
                }
            }

            if (batch.Count == 0)
            {
                return;
            }

            EncodedBatch points = Encode(batch);
            output.WriteAsync(points, cancellationToken).AsTask().GetAwaiter().GetResult();
        }
    }

    private EncodedBatch Encode(List<WorkItem> batch)
    {
        List<WorkItem> fresh = batch.Where(item => item.Reused is null).ToList();
        float[][] texts = [];
        var images = new Dictionary<WorkItem, float[]>();
        var lexical = new SparseVector?[fresh.Count];
        if (fresh.Count > 0)
        {
            long start = Stopwatch.GetTimestamp();
            texts = _encoder.EmbedTexts(fresh.Select(item => item.Product.Title).ToList());
            _counters.AddEncodeText(Stopwatch.GetTimestamp() - start);
            RecordEncode(start, "text");

            List<WorkItem> withImage = fresh.Where(item => item.Pixels is not null).ToList();
            if (withImage.Count > 0)
            {
                start = Stopwatch.GetTimestamp();
                float[][] embedded = _encoder.EmbedImages(withImage.Select(item => item.Pixels!).ToList());
                _counters.AddEncodeImage(Stopwatch.GetTimestamp() - start);
                RecordEncode(start, "image");
                for (int i = 0; i < withImage.Count; i++)
                {
                    images[withImage[i]] = embedded[i];
                }
            }

            start = Stopwatch.GetTimestamp();
            for (int i = 0; i < fresh.Count; i++)
            {
                SparseVector vector = _lexical.Document(fresh[i].Product.Title);
                lexical[i] = vector.Indices.Length > 0 ? vector : null;
            }

            _counters.AddLexical(Stopwatch.GetTimestamp() - start);
        }

        var points = new List<ProductPoint>(batch.Count);
        int next = 0;
        foreach (WorkItem item in batch)
        {
            if (item.Reused is ProductPoint old)
            {
                points.Add(old with { Product = item.Product, ContentHash = item.ContentHash });
                continue;
            }

            var vectors = new Dictionary<string, float[]> { [CollectionSchema.TextVector] = texts[next] };
            if (images.TryGetValue(item, out float[]? image))
            {
                vectors[CollectionSchema.ImageVector] = image;
            }

            points.Add(new ProductPoint { Product = item.Product, Vectors = vectors, Lexical = lexical[next], ContentHash = item.ContentHash });
            item.Pixels = null;
            next++;
        }

        return new EncodedBatch(points, fresh.Count, batch.Count - fresh.Count);
    }

    private async Task WriteAllAsync(ChannelReader<EncodedBatch> input, CancellationToken cancellationToken)
    {
        await foreach (EncodedBatch batch in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            long start = Stopwatch.GetTimestamp();
            await _store.UpsertAsync(batch.Points, cancellationToken).ConfigureAwait(false);
            _counters.AddUpsert(Stopwatch.GetTimestamp() - start);
            _counters.AddIndexed(batch.Points.Count, batch.Encoded, batch.Reused);
            IndexingTelemetry.UpsertDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, IndexingTelemetry.Collection(_store.Collection));
            IndexingTelemetry.ProductsIndexed.Add(batch.Points.Count, IndexingTelemetry.Collection(_store.Collection));
        }
    }

    private void RecordEncode(long start, string modality) => IndexingTelemetry.EncodeDuration.Record(
        Stopwatch.GetElapsedTime(start).TotalSeconds, IndexingTelemetry.Collection(_store.Collection), new(IndexingTelemetry.ModalityTag, modality));

    /// <summary>Removes listed products and, for a full catalog, products of this shard the catalog no longer has.</summary>
    private async Task<(bool RemovedMissing, string? Message)> DeleteAsync(CancellationToken cancellationToken)
    {
        var remove = new HashSet<string>(StringComparer.Ordinal);
        foreach (string id in _deletions)
        {
            if (_existing.ContainsKey(id))
            {
                remove.Add(id);
            }
        }

        bool removedMissing = false;
        string? message = null;
        if (_options.FullCatalog)
        {
            long idless = Interlocked.Read(ref _idlessRejects);
            if (idless > 0)
            {
                message = $"{idless} rejected row(s) had no readable id, so products missing from the catalog were not removed "
                    + "(a broken row might be a stored product); fix those rows and run again.";
                IndexingLog.RemovalSkipped(_logger, message);
            }
            else
            {
                removedMissing = true;
                foreach (string id in _existing.Keys)
                {
                    if (!_seen.Contains(id))
                    {
                        remove.Add(id);
                    }
                }
            }
        }

        string[] ids = remove.Order(StringComparer.Ordinal).ToArray();
        for (int offset = 0; offset < ids.Length; offset += DeleteBatchSize)
        {
            string[] chunk = ids[offset..Math.Min(ids.Length, offset + DeleteBatchSize)];
            long start = Stopwatch.GetTimestamp();
            await _store.DeleteAsync(chunk, cancellationToken).ConfigureAwait(false);
            _counters.AddDelete(Stopwatch.GetTimestamp() - start);
            _counters.AddDeleted(chunk.Length);
            IndexingTelemetry.ProductsDeleted.Add(chunk.Length, IndexingTelemetry.Collection(_store.Collection));
            SaveState();
        }

        return (removedMissing, message);
    }
}
