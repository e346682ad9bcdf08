using System.Diagnostics;
using M6Search.Stores.Abstractions;

namespace M6Search.Indexing.Jobs.Stages;

/// <summary>Before indexing: scrolls the store for this shard's stored ids and their content hashes.</summary>
internal sealed class StoredPointsStage
{
    private const int ScrollPageSize = 512;

    private readonly JobContext _job;

    public StoredPointsStage(JobContext job)
    {
        _job = job;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        string? offset = null;
        do
        {
            ScrollPage page = await _job.Store.ScrollAsync(
                new ScrollRequest { Limit = ScrollPageSize, Offset = offset, WithVectors = false }, cancellationToken).ConfigureAwait(false);
            foreach (ProductPoint point in page.Points)
            {
                if (_job.Options.Shard.Contains(point.Product.Id))
                {
                    _job.Inventory.Stored[point.Product.Id] = point.ContentHash;
                }
            }

            offset = page.NextOffset;
        }
        while (offset is not null);

        _job.Counters.AddLoadExisting(Stopwatch.GetTimestamp() - start);
    }
}
