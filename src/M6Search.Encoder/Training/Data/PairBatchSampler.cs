namespace M6Search.Encoder.Training.Data;

/// <summary>
/// Deterministic batches over a <see cref="PairDataset"/>: each epoch is a permutation of the products drawn from
/// (seed, epoch); batch b of an epoch takes the next <see cref="BatchSize"/> products, and one of each product's texts
/// drawn from (seed, epoch, b); when the images have several views, one view of each product drawn from a stream of its
/// own (so one-view runs read exactly the batches they always did). A batch never holds the same product twice, so no
/// in-batch negative is a false one.
/// The last partial batch of an epoch is dropped. With a <see cref="DataPosition.Grouping"/>, the permutation is built
/// from shuffled runs of products that share the grouping's fields (hard negatives; still each product once per epoch).
/// Everything is a function of <see cref="DataPosition"/>, which is what makes a resumed run read the same batches as
/// an uninterrupted one.
/// </summary>
public sealed class PairBatchSampler
{
    private readonly PairDataset _dataset;
    private (long Seed, int Epoch, BatchGrouping? Grouping)? _cachedKey;
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

        int[] order = Order(position.Seed, position.Epoch, position.Grouping);
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

        var views = new int[BatchSize];
        int viewCount = _dataset.Images.Views;
        if (viewCount > 1)
        {
            var viewRandom = new Random(Mix(position.Seed ^ 0x5EED_7A11, position.Epoch, position.NextBatch));
            for (int i = 0; i < BatchSize; i++)
            {
                views[i] = viewRandom.Next(viewCount);
            }
        }

        return new SampledBatch(products, texts, views);
    }

    /// <summary>The position after <paramref name="position"/> (the next epoch after the last full batch).</summary>
    public DataPosition Next(DataPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return position.NextBatch + 1 < BatchesPerEpoch
            ? position with { NextBatch = position.NextBatch + 1 }
            : position with { Epoch = position.Epoch + 1, NextBatch = 0 };
    }

    private int[] Order(long seed, int epoch, BatchGrouping? grouping)
    {
        var key = (seed, epoch, grouping);
        if (_cachedKey != key)
        {
            _cachedOrder = grouping is null ? Shuffled(seed, epoch) : GroupedOrder(seed, epoch, grouping);
            _cachedKey = key;
        }

        return _cachedOrder;
    }

    private int[] Shuffled(long seed, int epoch)
    {
        var order = Enumerable.Range(0, _dataset.Count).ToArray();
        new Random(Mix(seed, epoch, -1)).Shuffle(order);
        return order;
    }

    /// <summary>
    /// The epoch's plain permutation, regrouped: products with the same values of the grouping's fields are cut, in
    /// permutation order, into runs of <see cref="BatchGrouping.GroupSize"/>; products lacking a field and a group's
    /// remainder stay single; then the runs and singles are shuffled and laid end to end.
    /// </summary>
    private int[] GroupedOrder(long seed, int epoch, BatchGrouping grouping)
    {
        IReadOnlyList<string> fields = grouping.FieldNames();
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var runs = new List<int[]>();
        foreach (int product in Shuffled(seed, epoch))
        {
            string? key = GroupKey(product, fields);
            if (key is null)
            {
                runs.Add([product]);
                continue;
            }

            if (!groups.TryGetValue(key, out var members))
            {
                members = new List<int>(grouping.GroupSize);
                groups[key] = members;
            }

            members.Add(product);
            if (members.Count == grouping.GroupSize)
            {
                runs.Add(members.ToArray());
                members.Clear();
            }
        }

        // Remainders, in first-seen order of their groups (Dictionary keeps insertion order when nothing is removed).
        runs.AddRange(groups.Values.SelectMany(members => members.Select(product => new[] { product })));
        int[][] shuffledRuns = runs.ToArray();
        new Random(Mix(seed, epoch, -2)).Shuffle(shuffledRuns);
        return shuffledRuns.SelectMany(run => run).ToArray();
    }

    private string? GroupKey(int product, IReadOnlyList<string> fields)
    {
        var parts = new string[fields.Count];
        for (int i = 0; i < fields.Count; i++)
        {
            if (_dataset.Field(product, fields[i]) is not { } value)
            {
                return null;
            }

            parts[i] = value;
        }

        return string.Join('\u001f', parts);
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
