namespace M6Search.Encoder.Training.Data;

/// <summary>
/// Deterministic batches over a <see cref="PairDataset"/>: each epoch is a permutation of the products drawn from
/// (seed, epoch); batch b of an epoch takes the next <see cref="BatchSize"/> products, and one of each product's texts
/// drawn from (seed, epoch, b). A batch never holds the same product twice, so no in-batch negative is a false one.
/// The last partial batch of an epoch is dropped. Everything is a function of <see cref="DataPosition"/>, which is
/// what makes a resumed run read the same batches as an uninterrupted one.
/// </summary>
public sealed class PairBatchSampler
{
    private readonly PairDataset _dataset;
    private int _cachedEpoch = -1;
    private int[] _cachedOrder = Array.Empty<int>();

    public PairBatchSampler(PairDataset dataset, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (batchSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "A contrastive batch needs at least 2 pairs.");
        }

        if (dataset.Count < batchSize)
        {
            throw new ArgumentException($"The training set has {dataset.Count} usable products, fewer than the batch size {batchSize}.", nameof(batchSize));
        }

        _dataset = dataset;
        BatchSize = batchSize;
    }

    public int BatchSize { get; }

    /// <summary>Full batches in one epoch.</summary>
    public long BatchesPerEpoch => _dataset.Count / BatchSize;

    /// <summary>The products (dataset indices) and texts of the batch at <paramref name="position"/>.</summary>
    public SampledBatch Batch(DataPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (position.NextBatch < 0 || position.NextBatch >= BatchesPerEpoch)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, $"Batch index must be in [0, {BatchesPerEpoch}).");
        }

        int[] order = Order(position.Seed, position.Epoch);
        var products = new int[BatchSize];
        var texts = new string[BatchSize];
        var random = new Random(Mix(position.Seed, position.Epoch, position.NextBatch));
        for (int i = 0; i < BatchSize; i++)
        {
            int product = order[(position.NextBatch * BatchSize) + i];
            products[i] = product;
            var candidates = _dataset.Texts(product);
            texts[i] = candidates[random.Next(candidates.Count)];
        }

        return new SampledBatch(products, texts);
    }

    /// <summary>The position after <paramref name="position"/> (the next epoch after the last full batch).</summary>
    public DataPosition Next(DataPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return position.NextBatch + 1 < BatchesPerEpoch
            ? position with { NextBatch = position.NextBatch + 1 }
            : position with { Epoch = position.Epoch + 1, NextBatch = 0 };
    }

    private int[] Order(long seed, int epoch)
    {
        if (_cachedEpoch != epoch)
        {
            var order = Enumerable.Range(0, _dataset.Count).ToArray();
            new Random(Mix(seed, epoch, -1)).Shuffle(order);
            _cachedOrder = order;
            _cachedEpoch = epoch;
        }

        return _cachedOrder;
    }

    // System.Random with an explicit seed is a fixed algorithm (stable across runs and .NET versions); the seed mixes
    // the three coordinates with SplitMix64 so that neighbouring batches get unrelated streams.
    private static int Mix(long seed, int epoch, long batch)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)epoch << 32) ^ unchecked((ulong)batch);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
