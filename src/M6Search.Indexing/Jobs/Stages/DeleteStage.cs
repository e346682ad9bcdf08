using System.Diagnostics;

namespace M6Search.Indexing.Jobs.Stages;

/// <summary>
/// After indexing: removes the listed products and, for a full catalog, the products of this shard the catalog no
/// longer has (unless a rejected row without an id might have been one of them).
/// </summary>
internal sealed class DeleteStage
{
    private const int DeleteBatchSize = 256;

    private readonly JobContext _job;
    private readonly JobStatusTracker _status;

    public DeleteStage(JobContext job, JobStatusTracker status)
    {
        _job = job;
        _status = status;
    }

    /// <returns>Whether missing products were removed, and why not when a full catalog's were not.</returns>
    public async Task<(bool RemovedMissing, string? Message)> RunAsync(CancellationToken cancellationToken)
    {
        ShardInventory inventory = _job.Inventory;
        var remove = new HashSet<string>(StringComparer.Ordinal);
        foreach (string id in inventory.Deletions)
        {
            if (inventory.Stored.ContainsKey(id))
            {
                remove.Add(id);
            }
        }

        bool removedMissing = false;
        string? message = null;
        if (_job.Options.FullCatalog)
        {
            long idless = inventory.IdlessRejects;
            if (idless > 0)
            {
                message = $"{idless} rejected row(s) had no readable id, so products missing from the catalog were not removed "
                    + "(a broken row might be a stored product); fix those rows and run again.";
                IndexingLog.RemovalSkipped(_job.Logger, message);
            }
            else
            {
                removedMissing = true;
                foreach (string id in inventory.Stored.Keys)
                {
                    if (!inventory.Seen.Contains(id))
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
            await _job.Store.DeleteAsync(chunk, cancellationToken).ConfigureAwait(false);
            _job.Counters.AddDelete(Stopwatch.GetTimestamp() - start);
            _job.Counters.AddDeleted(chunk.Length);
            _job.Telemetry.Deleted(chunk.Length);
            _status.SaveState();
        }

        return (removedMissing, message);
    }
}
