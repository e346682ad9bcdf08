using System.Diagnostics;
using System.Threading.Channels;
using M6Search.Stores.Abstractions;

namespace M6Search.Indexing.Jobs.Stages;

/// <summary>
/// The encoder stage, on its own thread (the encoder is synchronous and keeps thread-static dispose scopes): embeds the
/// titles and images of a batch at a time, computes the lexical vectors, and turns the batch into points.
/// </summary>
internal sealed class EncodeStage
{
    private readonly JobContext _job;

    public EncodeStage(JobContext job)
    {
        _job = job;
    }

    public void Run(ChannelReader<WorkItem> input, ChannelWriter<EncodedBatch> output, CancellationToken cancellationToken)
    {
        int batchSize = _job.Options.BatchSize;
        var batch = new List<WorkItem>(batchSize);
        while (true)
        {
            batch.Clear();
            while (batch.Count < batchSize && input.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < batchSize && input.TryRead(out WorkItem? item))
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
            texts = _job.Encoder.EmbedTexts(fresh.Select(item => item.Product.Title).ToList());
            _job.Counters.AddEncodeText(Stopwatch.GetTimestamp() - start);
            _job.Telemetry.Encoded(start, "text");

            List<WorkItem> withImage = fresh.Where(item => item.Pixels is not null).ToList();
            if (withImage.Count > 0)
            {
                start = Stopwatch.GetTimestamp();
                float[][] embedded = _job.Encoder.EmbedImages(withImage.Select(item => item.Pixels!).ToList());
                _job.Counters.AddEncodeImage(Stopwatch.GetTimestamp() - start);
                _job.Telemetry.Encoded(start, "image");
                for (int i = 0; i < withImage.Count; i++)
                {
                    images[withImage[i]] = embedded[i];
                }
            }

            start = Stopwatch.GetTimestamp();
            for (int i = 0; i < fresh.Count; i++)
            {
                SparseVector vector = _job.Lexical.Document(fresh[i].Product.Title);
                lexical[i] = vector.Indices.Length > 0 ? vector : null;
            }

            _job.Counters.AddLexical(Stopwatch.GetTimestamp() - start);
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
}
