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

    [Fact]
    public async Task GroupedBatches_AreRunsOfProductsSharingTheFields_AndStillVisitEveryProductOncePerEpoch()
    {
        // 48 products: 3 categories x 2 colours = 6 groups of 8; grouping by both fields in runs of 4.
        string[] categories = ["cup", "vase", "lamp"];
        string[] colors = ["red", "blue"];
        using var folder = PairDatasetTests.TrainingFolder.Create(products: 48, i =>
            $$"""
            "category":"{{categories[i % 3]}}","attributes":{"color":"{{colors[(i / 3) % 2]}}","size":{{i}}}
            """);
        var dataset = await PairDataset.LoadAsync(folder.Path, 8, new ImageLoader());
        var sampler = new PairBatchSampler(dataset, 12);
        var position = DataPosition.Start(seed: 5, new BatchGrouping("category,color", 4));

        var seen = new List<int>();
        for (int b = 0; b < sampler.BatchesPerEpoch; b++)
        {
            var batch = sampler.Batch(position);
            seen.AddRange(batch.Products);
            position = sampler.Next(position);
        }

        Assert.Equal(48, seen.Count);
        Assert.Equal(48, seen.Distinct().Count());
        string Key(int product) => dataset.Field(product, "category") + "/" + dataset.Field(product, "color");
        for (int run = 0; run < 12; run++)
        {
            var members = seen.Skip(run * 4).Take(4).Select(Key).Distinct().ToList();
            Assert.Single(members);
        }

        // The runs are shuffled: consecutive runs do not all come from one group, and the order differs from plain batches.
        Assert.True(Enumerable.Range(0, 11).Count(run => Key(seen[run * 4]) != Key(seen[(run + 1) * 4])) >= 5);
        var plain = new PairBatchSampler(dataset, 12).Batch(DataPosition.Start(seed: 5)).Products;
        Assert.NotEqual(plain, seen.Take(12).ToArray());
    }

    [Fact]
    public async Task GroupedBatches_KeepProductsThatLackAField_AsSingles()
    {
        // Odd products have no category: they cannot be grouped, but they are still trained on.
        using var folder = PairDatasetTests.TrainingFolder.Create(products: 20, i => i % 2 == 0 ? "\"category\":\"cup\"" : "\"merchant\":\"m1\"");
        var dataset = await PairDataset.LoadAsync(folder.Path, 8, new ImageLoader());
        var sampler = new PairBatchSampler(dataset, 20);

        var batch = sampler.Batch(DataPosition.Start(seed: 2, new BatchGrouping("category", 5)));

        Assert.Equal(Enumerable.Range(0, 20), batch.Products.Order());
        var cups = batch.Products.Select((product, slot) => (product, slot)).Where(p => p.product % 2 == 0).Select(p => p.slot).ToList();
        Assert.Equal(10, cups.Count);
        Assert.Equal(2, cups.Chunk(5).Count(run => run[^1] - run[0] == 4)); // two contiguous runs of 5 cups
    }

    [Fact]
    public async Task GroupedBatches_AreAFunctionOfThePosition()
    {
        using var folder = PairDatasetTests.TrainingFolder.Create(products: 24, i => $$"""
            "category":"c{{i % 3}}"
            """);
        var dataset = await PairDataset.LoadAsync(folder.Path, 8, new ImageLoader());
        var grouping = new BatchGrouping("category", 4);

        var first = new PairBatchSampler(dataset, 8).Batch(new DataPosition(2, 1, 9, grouping));
        var again = new PairBatchSampler(dataset, 8).Batch(new DataPosition(2, 1, 9, grouping with { }));

        Assert.Equal(first.Products, again.Products);
        Assert.Equal(first.Texts, again.Texts);
    }

    [Theory]
    [InlineData("", 8, "names no field")]
    [InlineData("category, category", 8, "twice")]
    [InlineData("category", 1, "at least 2")]
    public void ABadGrouping_IsRefusedWithTheReason(string fields, int size, string reason)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => BatchGrouping.Parse(fields, size));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGrouping_IsParsedWithItsFieldsTrimmed()
    {
        var grouping = BatchGrouping.Parse(" category , color ", 8);

        Assert.Equal(new BatchGrouping("category,color", 8), grouping);
        Assert.Equal(["category", "color"], grouping.FieldNames());
    }
}
