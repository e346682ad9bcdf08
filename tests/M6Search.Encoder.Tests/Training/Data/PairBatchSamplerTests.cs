using M6Search.Encoder.Training;
using M6Search.Encoder.Training.Data;
using M6Search.Imaging;

namespace M6Search.Encoder.Tests.Training.Data;

public sealed class PairBatchSamplerTests
{
    [Fact]
    public async Task Batches_AreAFunctionOfThePosition_SoAResumedRunReadsTheSameData()
    {
        using var folder = PairDatasetTests.TrainingFolder.Create(products: 10);
        var dataset = await PairDataset.LoadAsync(folder.Path, 8, new ImageLoader());
        var first = new PairBatchSampler(dataset, 4);
        var second = new PairBatchSampler(dataset, 4);

        var position = DataPosition.Start(seed: 7);
        var straight = new List<SampledBatch>();
        for (int i = 0; i < 5; i++)
        {
            straight.Add(first.Batch(position));
            position = first.Next(position);
        }

        // A fresh sampler asked for the 4th batch directly (as after a resume) gives the same products and texts.
        var resumedAt = new DataPosition(Epoch: 1, NextBatch: 1, Seed: 7);
        var resumed = second.Batch(resumedAt);
        Assert.Equal(straight[3].Products, resumed.Products);
        Assert.Equal(straight[3].Texts, resumed.Texts);
    }

    [Fact]
    public async Task AnEpoch_VisitsEveryProductAtMostOnce_AndABatchNeverRepeatsAProduct()
    {
        using var folder = PairDatasetTests.TrainingFolder.Create(products: 10);
        var dataset = await PairDataset.LoadAsync(folder.Path, 8, new ImageLoader());
        var sampler = new PairBatchSampler(dataset, 3);

        var seen = new List<int>();
        var position = DataPosition.Start(seed: 1);
        for (int i = 0; i < sampler.BatchesPerEpoch; i++)
        {
            var batch = sampler.Batch(position);
            Assert.Equal(batch.Products.Length, batch.Products.Distinct().Count());
            seen.AddRange(batch.Products);
            position = sampler.Next(position);
        }

        Assert.Equal(3, sampler.BatchesPerEpoch);
        Assert.Equal(9, seen.Distinct().Count());
        Assert.Equal(new DataPosition(1, 0, 1), position);
    }

    [Fact]
    public async Task DifferentEpochs_ShuffleDifferently()
    {
        using var folder = PairDatasetTests.TrainingFolder.Create(products: 12);
        var dataset = await PairDataset.LoadAsync(folder.Path, 8, new ImageLoader());
        var sampler = new PairBatchSampler(dataset, 12);

        var epoch0 = sampler.Batch(new DataPosition(0, 0, 3)).Products;
        var epoch1 = sampler.Batch(new DataPosition(1, 0, 3)).Products;

        Assert.NotEqual(epoch0, epoch1);
        Assert.Equal(epoch0.Order(), epoch1.Order());
    }

    [Fact]
    public async Task ABatchLargerThanTheData_IsRefusedWithTheCounts()
    {
        using var folder = PairDatasetTests.TrainingFolder.Create(products: 3);
        var dataset = await PairDataset.LoadAsync(folder.Path, 8, new ImageLoader());

        var error = Assert.Throws<ArgumentException>(() => new PairBatchSampler(dataset, 8));
        Assert.Contains("3 usable products", error.Message, StringComparison.Ordinal);
    }
}
