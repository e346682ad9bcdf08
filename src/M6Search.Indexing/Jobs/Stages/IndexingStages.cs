using System.Threading.Channels;
using M6Search.Indexing.Rejects;

namespace M6Search.Indexing.Jobs.Stages;

/// <summary>
/// Runs the four indexing stages at once, joined by bounded channels (memory stays bounded whatever the catalog
/// size): <see cref="CatalogReadStage"/> -> <see cref="PrepareStage"/> -> <see cref="EncodeStage"/> (on a thread of
/// its own) -> <see cref="UpsertStage"/>. A stage that fails completes its output with the error and stops the job,
/// so the others wind down; progress is reported every <see cref="IndexJobOptions.ProgressInterval"/> meanwhile.
/// </summary>
internal sealed class IndexingStages
{
    private readonly JobContext _job;
    private readonly RejectSink _rejects;
    private readonly JobControl _control;
    private readonly JobStatusTracker _status;

    public IndexingStages(JobContext job, RejectSink rejects, JobControl control, JobStatusTracker status)
    {
        _job = job;
        _rejects = rejects;
        _control = control;
        _status = status;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        IndexJobOptions options = _job.Options;
        var rows = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(Math.Max(64, 4 * options.DegreeOfParallelism))
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var prepared = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(2 * options.BatchSize)
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

        var read = new CatalogReadStage(_job, _rejects);
        var prepare = new PrepareStage(_job, _rejects);
        var encode = new EncodeStage(_job);
        var upsert = new UpsertStage(_job);
        using var reporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task reporter = _status.ReportPeriodicallyAsync(options.ProgressInterval, reporting.Token);
        Task reader = RunStageAsync(() => read.RunAsync(rows.Writer, cancellationToken), rows.Writer);
        Task preparer = RunStageAsync(() => prepare.RunAsync(rows.Reader, prepared.Writer, cancellationToken), prepared.Writer);
        Task encoder = Task.Factory.StartNew(
            () => RunStage(() => encode.Run(prepared.Reader, encoded.Writer, cancellationToken), encoded.Writer),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Task writer = RunStageAsync<EncodedBatch>(() => upsert.RunAsync(encoded.Reader, cancellationToken), output: null);
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

    private async Task RunStageAsync<T>(Func<Task> body, ChannelWriter<T>? output)
    {
        try
        {
            await body().ConfigureAwait(false);
            output?.TryComplete();
        }
        catch (Exception exception)
        {
            _control.StageFailed(exception);
            output?.TryComplete(exception);
            throw;
        }
    }

    private void RunStage<T>(Action body, ChannelWriter<T> output)
    {
        try
        {
            body();
            output.TryComplete();
        }
        catch (Exception exception)
        {
            _control.StageFailed(exception);
            output.TryComplete(exception);
            throw;
        }
    }
}
