using System.Diagnostics;
using System.Threading.Channels;
using M6Search.Catalog.Reading;
using M6Search.Catalog.Validation;
using M6Search.Indexing.Rejects;

namespace M6Search.Indexing.Jobs.Stages;

/// <summary>
/// The first stage: streams the catalog's rows, rejects broken ones, leaves out other shards' products and products
/// listed for deletion, records every id of this shard it sees, and passes the rest on.
/// </summary>
internal sealed class CatalogReadStage
{
    private readonly JobContext _job;
    private readonly RejectSink _rejects;

    public CatalogReadStage(JobContext job, RejectSink rejects)
    {
        _job = job;
        _rejects = rejects;
    }

    public async Task RunAsync(ChannelWriter<WorkItem> output, CancellationToken cancellationToken)
    {
        var readOptions = new CatalogReadOptions { Format = _job.Options.CatalogFormat };
        IAsyncEnumerator<CatalogRecord> records = CatalogReader.ReadAsync(_job.CatalogPath, readOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (records.ConfigureAwait(false))
        {
            while (true)
            {
                long start = Stopwatch.GetTimestamp();
                bool more = await records.MoveNextAsync().ConfigureAwait(false);
                _job.Counters.AddRead(Stopwatch.GetTimestamp() - start);
                if (!more)
                {
                    break;
                }

                CatalogRecord record = records.Current;
                _job.Counters.AddRead();
                if (record.Product is null)
                {
                    RejectRow(record);
                    continue;
                }

                string id = record.Product.Id;
                if (!_job.Options.Shard.Contains(id))
                {
                    _job.Counters.AddOtherShard();
                    continue;
                }

                _job.Inventory.Seen.Add(id);
                if (_job.Inventory.Deletions.Contains(id))
                {
                    _job.Counters.AddListedForDeletion();
                    continue;
                }

                await output.WriteAsync(new WorkItem { Line = record.Line, Product = record.Product }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string Describe(CatalogIssue issue) =>
        issue.Field is null ? issue.Message : $"field '{issue.Field}': {issue.Message}";

    private void RejectRow(CatalogRecord record)
    {
        string? id = record.Issues.Select(issue => issue.ProductId).FirstOrDefault(value => value is not null);
        string reason = string.Join("; ", record.Issues.Where(issue => issue.Severity == IssueSeverity.Error).Select(Describe));
        if (id is null)
        {
            // No id: it might be any shard's product, so no shard may remove missing products; shard 0 reports the row.
            _job.Inventory.AddIdlessReject();
            if (_job.Options.Shard.Index == 0)
            {
                _rejects.Reject(new IndexReject(record.Line, null, reason, "row"));
            }

            return;
        }

        if (!_job.Options.Shard.Contains(id))
        {
            _job.Counters.AddOtherShard();
            return;
        }

        // The id is protected: a product whose row is broken today keeps what the store holds for it.
        _job.Inventory.Seen.Add(id);
        _rejects.Reject(new IndexReject(record.Line, id, reason, "row"));
    }
}
