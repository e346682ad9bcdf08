using System.Diagnostics;
using System.Threading.Channels;
using M6Search.Imaging.Errors;
using M6Search.Indexing.Hashing;
using M6Search.Indexing.Rejects;
using M6Search.Stores.Abstractions;

namespace M6Search.Indexing.Jobs.Stages;

/// <summary>
/// The parallel stage: reads each product's image bytes, hashes its content, skips products whose stored hash is the
/// same, reuses the stored vectors when only the payload changed, and decodes the image of the rest for the encoder.
/// </summary>
internal sealed class PrepareStage
{
    private readonly JobContext _job;
    private readonly RejectSink _rejects;

    public PrepareStage(JobContext job, RejectSink rejects)
    {
        _job = job;
        _rejects = rejects;
    }

    public async Task RunAsync(ChannelReader<WorkItem> input, ChannelWriter<WorkItem> output, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _job.Options.DegreeOfParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(input.ReadAllAsync(cancellationToken), parallel, (item, token) => PrepareAsync(item, output, token))
            .ConfigureAwait(false);
    }

    private async ValueTask PrepareAsync(WorkItem item, ChannelWriter<WorkItem> output, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        byte[]? bytes;
        try
        {
            bytes = await _job.Images.ReadAsync(item.Product, _job.CatalogDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (ImageLoadException exception)
        {
            _job.Counters.AddImageRead(Stopwatch.GetTimestamp() - start);
            _rejects.Reject(new IndexReject(item.Line, item.Product.Id, $"field 'image': {exception.Message}", "image:" + exception.Kind));
            return;
        }

        string embedding = ContentHasher.EmbeddingHash(_job.Encoder.ModelVersion, item.Product.Title, bytes, bytes is not null);
        string hash = ContentHasher.Combine(embedding, ContentHasher.PayloadHash(item.Product));
        _job.Counters.AddImageRead(Stopwatch.GetTimestamp() - start);
        _job.Inventory.Stored.TryGetValue(item.Product.Id, out string? stored);
        if (stored == hash)
        {
            _job.Counters.AddUnchanged();
            _job.Telemetry.Unchanged();
            return;
        }

        item.ContentHash = hash;
        if (ContentHasher.EmbeddingPartOf(stored) == embedding)
        {
            ProductPoint? old = await _job.Store.GetAsync(item.Product.Id, withVectors: true, cancellationToken).ConfigureAwait(false);
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
                item.Pixels = _job.Images.Decode(bytes, item.Product.Image!, _job.Encoder.ImageSize);
            }
            catch (ImageLoadException exception)
            {
                _rejects.Reject(new IndexReject(item.Line, item.Product.Id, $"field 'image': {exception.Message}", "image:" + exception.Kind));
                return;
            }
            finally
            {
                _job.Counters.AddDecode(Stopwatch.GetTimestamp() - decodeStart);
            }
        }

        await output.WriteAsync(item, cancellationToken).ConfigureAwait(false);
    }
}
