using M6Search.Encoder.Inference;
using M6Search.Indexing.Jobs;
using M6Search.Indexing.Tests.Support;
using M6Search.Stores.Abstractions;

namespace M6Search.Indexing.Tests.Jobs;

/// <summary>Cancellation, store failures and bad job input: the job ends with a status, and a re-run finishes it exactly.</summary>
public sealed class InterruptionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Data => _temp.Combine("data");

    private string State => _temp.Combine("state");

    [Fact]
    public async Task Index_FinishesExactly_WhenCancelledMidwayAndRunAgain()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 40);
        catalog.PlantProblems();
        await IndexingFixture.RunAsync(_temp.Combine("reference"), IndexingFixture.Options(catalog, _temp.Combine("state-reference")));

        using var cancel = new CancellationTokenSource();
        IndexJobReport cancelled;
        await using (var store = await IndexingFixture.OpenStoreAsync(Data))
        {
            // Cancel from inside the job once 8 titles are encoded: a point where the job is certainly unfinished.
            var encoder = new HashingEncoder
            {
                AfterTexts = encoded =>
                {
                    if (encoded >= 8)
                    {
                        cancel.Cancel();
                    }
                },
            };
            var pipeline = new IndexingPipeline(encoder, store, IndexingFixture.Images);
            cancelled = await pipeline.RunAsync(IndexingFixture.Options(catalog, State, batch: 4), progress: null, cancel.Token);
        }

        Assert.Equal(IndexJobStatus.Cancelled, cancelled.Status);
        Assert.InRange(cancelled.Counts.Indexed, 0, 8);

        IndexJobReport resumed = await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State));

        Assert.True(resumed.ResumedInterruptedRun);
        Assert.Equal(catalog.GoodIds.Count - cancelled.Counts.Indexed, resumed.Counts.Encoded);
        Assert.Equal(await IndexingFixture.DumpAsync(_temp.Combine("reference")), await IndexingFixture.DumpAsync(Data));
    }

    [Fact]
    public async Task Index_Fails_NamingTheStoreError_AndARerunFinishesTheJob()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 30);
        await IndexingFixture.RunAsync(_temp.Combine("reference"), IndexingFixture.Options(catalog, _temp.Combine("state-reference")));

        IndexJobReport failed;
        await using (var store = await IndexingFixture.OpenStoreAsync(Data))
        {
            var pipeline = new IndexingPipeline(new HashingEncoder(), new FailingStore(store, failOnUpsert: 2), IndexingFixture.Images);
            failed = await pipeline.RunAsync(IndexingFixture.Options(catalog, State, batch: 4));
        }

        Assert.Equal(IndexJobStatus.Failed, failed.Status);
        Assert.Contains("the disk is full", failed.Message, StringComparison.Ordinal);

        IndexJobReport rerun = await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State));
        Assert.Equal(IndexJobStatus.Completed, rerun.Status);
        Assert.True(rerun.ResumedInterruptedRun);
        Assert.Equal(await IndexingFixture.DumpAsync(_temp.Combine("reference")), await IndexingFixture.DumpAsync(Data));
    }

    [Fact]
    public async Task Index_Fails_NamingFileAndLine_WhenTheDeletionsFileIsMalformed()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 3);
        string deletions = _temp.Combine("deletions.jsonl");
        File.WriteAllLines(deletions, ["p000001", "{\"id\": 5}"]);
        IndexJobOptions options = IndexingFixture.Options(catalog, State);
        options.DeletionsPath = deletions;

        IndexJobReport report = await IndexingFixture.RunAsync(Data, options);

        Assert.Equal(IndexJobStatus.Failed, report.Status);
        Assert.Contains("deletions.jsonl:2", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_WithTheMoeEncoder_StoresEmbeddingsOfItsDimension_AndSkipsThemOnASecondRun()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 12);
        string model = _temp.Combine("micro.m6model");
        MicroModel.Save(model);
        using MoeProductEncoder encoder = MoeProductEncoder.Load(model, batchSize: 4);

        IndexJobReport first;
        IndexJobReport second;
        await using (var store = await IndexingFixture.OpenStoreAsync(Data))
        {
            var pipeline = new IndexingPipeline(encoder, store, IndexingFixture.Images);
            first = await pipeline.RunAsync(IndexingFixture.Options(catalog, State, batch: 5));
            second = await pipeline.RunAsync(IndexingFixture.Options(catalog, State, batch: 5));
            ProductPoint point = (await store.GetAsync(catalog.GoodIds[0], withVectors: true))!;
            Assert.Equal(24, point.Vectors[CollectionSchema.ImageVector].Length);
            Assert.Equal(24, point.Vectors[CollectionSchema.TextVector].Length);
        }

        Assert.Equal(12, first.Counts.Encoded);
        Assert.Equal(encoder.ModelVersion, first.ModelVersion);
        Assert.Equal(12, second.Counts.Unchanged);
        Assert.Equal(0, second.Counts.Encoded);
    }

    [Fact]
    public void CountRows_CountsNonBlankLines_AndLeavesOutTheCsvHeader()
    {
        string jsonl = _temp.Combine("c.jsonl");
        File.WriteAllText(jsonl, "{\"a\":1}\n\n  \r\n{\"a\":2}\r\n{\"a\":3}");
        string csv = _temp.Combine("c.csv");
        File.WriteAllText(csv, "id,title\np1,a\np2,b\n");

        Assert.Equal(3, CatalogRowCount.Of(jsonl));
        Assert.Equal(2, CatalogRowCount.Of(csv));
    }
}
