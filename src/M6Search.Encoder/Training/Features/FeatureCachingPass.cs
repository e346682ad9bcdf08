using System.Diagnostics;
using System.Security.Cryptography;
using M6Search.Encoder.Model;
using M6Search.Encoder.Training.Data;
using M6Search.Imaging;
using M6Search.Imaging.Errors;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Training.Features;

/// <summary>
/// Gives every training image its locked-backbone features once (LiT: a locked image tower is computed once, not
/// every step): reads each image's bytes, keys the cache by their SHA-256 with the backbone, input size, stage,
/// colour cells and view (<see cref="FeatureKey"/>), takes valid entries from the <see cref="FeatureCache"/>, and
/// computes the rest in batches through the <see cref="ImageTower"/> (decoded once per image, augmented per view),
/// writing them to the cache. A missing, unreadable or undecodable image is listed and skipped; it never stops the
/// pass. A corrupt cache entry is computed again, never used.
/// </summary>
public sealed class FeatureCachingPass
{
    // Images read, looked up and computed together; bounds the encoded bytes and decoded pixels held at once.
    private const int Chunk = 256;

    private readonly ImageTower _tower;
    private readonly FeatureCache _cache;
    private readonly ImageLoader _loader;
    private readonly int _batchSize;

    /// <param name="tower">The locked backbone and its colour cells.</param>
    /// <param name="cache">Where entries are kept between runs.</param>
    /// <param name="loader">Reads and decodes the images (the encoder's default normalisation).</param>
    /// <param name="views">Views per image: 1 is the image itself; more adds augmented views (<see cref="ViewAugmentation"/>).</param>
    /// <param name="batchSize">Images per backbone call.</param>
    public FeatureCachingPass(ImageTower tower, FeatureCache cache, ImageLoader loader, int views = 1, int batchSize = 32)
    {
        _tower = tower ?? throw new ArgumentNullException(nameof(tower));
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _loader = loader ?? throw new ArgumentNullException(nameof(loader));
        ArgumentOutOfRangeException.ThrowIfLessThan(views, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        Views = views;
        _batchSize = batchSize;
    }

    /// <summary>Side of the images the features are computed at.</summary>
    public int ImageSize => _tower.ImageSize;

    /// <summary>Views per image.</summary>
    public int Views { get; }

    /// <summary>What the last <see cref="RunAsync"/> did.</summary>
    public FeatureCachingReport Report { get; private set; } = new();

    /// <summary>
    /// The features of every image (by index of <paramref name="sources"/>), and for each image that could not be read
    /// the reason (null otherwise). <paramref name="imagesDone"/> counts images finished.
    /// </summary>
    public async Task<(CachedFeatureImages Images, DatasetRejection?[] Failures)> RunAsync(
        IReadOnlyList<string> productIds, IReadOnlyList<string> sources, IProgress<int>? imagesDone = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        ArgumentNullException.ThrowIfNull(sources);
        if (productIds.Count != sources.Count)
        {
            throw new ArgumentException($"{productIds.Count} product ids for {sources.Count} image sources.", nameof(sources));
        }

        var clock = Stopwatch.StartNew();
        ImageBackboneConfig backbone = _tower.Config;
        int side = backbone.FeatureSide(ImageSize);
        int featureValues = backbone.FeatureChannels * side * side;
        int cellValues = backbone.ColorGrid == 0 ? 0 : 3 * backbone.ColorSide * backbone.ColorSide;
        int count = sources.Count;
        var entries = new CachedFeatures?[count][];
        var failures = new DatasetRejection?[count];
        long hits = 0, computed = 0, recomputed = 0;
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        for (int start = 0; start < count; start += Chunk)
        {
            int length = Math.Min(Chunk, count - start);
            var bytes = new byte[length][];
            var hashes = new string[length];
            var wanted = new List<int>[length];
            await Parallel.ForEachAsync(Enumerable.Range(0, length), options, async (j, ct) =>
            {
                int i = start + j;
                try
                {
                    byte[] content = await _loader.ReadBytesAsync(sources[i], ct).ConfigureAwait(false);
                    hashes[j] = Convert.ToHexStringLower(SHA256.HashData(content));
                    entries[i] = new CachedFeatures?[Views];
                    wanted[j] = [];
                    for (int view = 0; view < Views; view++)
                    {
                        var key = new FeatureKey(hashes[j], backbone, ImageSize, view);
                        FeatureCacheRead read = _cache.TryRead(key, featureValues, cellValues, out CachedFeatures? cached);
                        if (read == FeatureCacheRead.Hit)
                        {
                            entries[i][view] = cached;
                            Interlocked.Increment(ref hits);
                            continue;
                        }

                        if (read == FeatureCacheRead.Corrupt)
                        {
                            Interlocked.Increment(ref recomputed);
                        }

                        wanted[j].Add(view);
                    }

                    if (wanted[j].Count > 0)
                    {
                        bytes[j] = content;
                    }
                }
                catch (ImageLoadException ex)
                {
                    failures[i] = new DatasetRejection(productIds[i], ex.Message);
                }
            }).ConfigureAwait(false);

            // Decode what must be computed, on all cores, then run the backbone batch by batch on this thread.
            var pixels = new float[length][];
            Parallel.For(0, length, options, j =>
            {
                if (bytes[j] is null)
                {
                    return;
                }

                try
                {
                    pixels[j] = _loader.Load(bytes[j], sources[start + j], ImageSize).Chw;
                }
                catch (ImageLoadException ex)
                {
                    failures[start + j] = new DatasetRejection(productIds[start + j], ex.Message);
                    entries[start + j] = null!;
                }
            });

            var work = new List<(int J, int View)>();
            for (int j = 0; j < length; j++)
            {
                if (pixels[j] is not null)
                {
                    work.AddRange(wanted[j].Select(view => (j, view)));
                }
            }

            for (int b = 0; b < work.Count; b += _batchSize)
            {
                var batch = work.GetRange(b, Math.Min(_batchSize, work.Count - b));
                CachedFeatures[] results = Compute(batch.Select(w => (pixels[w.J], hashes[w.J], w.View)).ToList(), featureValues, cellValues);
                for (int k = 0; k < batch.Count; k++)
                {
                    (int j, int view) = batch[k];
                    entries[start + j][view] = results[k];
                    _cache.Write(new FeatureKey(hashes[j], backbone, ImageSize, view), results[k]);
                }

                computed += batch.Count;
            }

            imagesDone?.Report(start + length);
        }

        for (int i = 0; i < count; i++)
        {
            if (failures[i] is not null)
            {
                entries[i] = new CachedFeatures?[Views];
            }
        }

        Report = new FeatureCachingReport
        {
            Hits = hits,
            Computed = computed - recomputed,
            Recomputed = recomputed,
            Rejected = failures.Count(f => f is not null),
            Elapsed = clock.Elapsed,
        };
        return (new CachedFeatureImages(backbone, ImageSize, entries), failures);
    }

    /// <summary>Backbone features of a batch of decoded images in their views, in half precision. One dispose scope.</summary>
    private CachedFeatures[] Compute(IReadOnlyList<(float[] Pixels, string Sha, int View)> items, int featureValues, int cellValues)
    {
        using var scope = torch.NewDisposeScope();
        using var inference = torch.inference_mode();
        int size = ImageSize;
        int imageLength = 3 * size * size;
        var flat = new float[items.Count * imageLength];
        for (int i = 0; i < items.Count; i++)
        {
            items[i].Pixels.CopyTo(flat, i * imageLength);
        }

        Tensor batch = torch.tensor(flat, [items.Count, 3, size, size], ScalarType.Float32, _tower.Device);
        if (items.Any(item => item.View != 0))
        {
            batch = torch.cat(items.Select((item, i) => ViewAugmentation.Apply(batch.narrow(0, i, 1), item.Sha, item.View)).ToList(), 0);
        }

        ImageFeatures read = _tower.Read(batch);
        float[] features = read.Features.cpu().contiguous().data<float>().ToArray();
        float[] cells = read.ColorCells is null ? [] : read.ColorCells.cpu().contiguous().data<float>().ToArray();
        var results = new CachedFeatures[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            results[i] = new CachedFeatures(Narrow(features, i * featureValues, featureValues), Narrow(cells, i * cellValues, cellValues));
        }

        return results;
    }

    private static Half[] Narrow(float[] values, int start, int length)
    {
        var result = new Half[length];
        for (int i = 0; i < length; i++)
        {
            result[i] = (Half)values[start + i];
        }

        return result;
    }
}
