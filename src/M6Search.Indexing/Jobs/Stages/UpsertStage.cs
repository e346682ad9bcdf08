using System.Diagnostics;
using System.Threading.Channels;

namespace M6Search.Indexing.Jobs.Stages;

/// <summary>The last stage: upserts each encoded batch into the store.</summary>
internal sealed class UpsertStage
{
    private readonly JobContext _job;

    public UpsertStage(JobContext job)
    {
        _job = job;
    }

    public async Task RunAsync(ChannelReader<EncodedBatch> input, CancellationToken cancellationToken)
    {
        await foreach (EncodedBatch batch in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            long start = Stopwatch.GetTimestamp();
            await _job.Store.UpsertAsync(batch.Points, cancellationToken).ConfigureAwait(false);
            _job.Counters.AddUpsert(Stopwatch.GetTimestamp() - start);
            _job.Counters.AddIndexed(batch.Points.Count, batch.Encoded, batch.Reused);
            _job.Telemetry.Upserted(start, batch.Points.Count);
        }
    }
}
