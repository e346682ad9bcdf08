using System.Text.Json;
using System.Text.Json.Nodes;
using M6Search.Indexing.Jobs;
using M6Search.Indexing.Rejects;
using M6Search.Indexing.Sharding;
using M6Search.Indexing.Tests.Support;
using M6Search.Stores.Abstractions;

namespace M6Search.Indexing.Tests.Jobs;

public sealed class IndexingPipelineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Data => _temp.Combine("data");

    private string State => _temp.Combine("state");

    [Fact]
    public async Task Index_IndexesEveryGoodProduct_AndReportsEachPlantedProblem_WithLineAndId()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"));
        catalog.PlantProblems();

        IndexJobReport report = await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State));

        Assert.Equal(IndexJobStatus.CompletedWithRejects, report.Status);
        Assert.Equal(catalog.GoodIds.Count, report.Counts.Indexed);
        Assert.Equal(catalog.Planted.Count, report.Counts.Rejected);
        Assert.Equal(catalog.GoodIds.Count + catalog.Planted.Count, report.Counts.Read);
        SortedDictionary<string, string> stored = await IndexingFixture.DumpAsync(Data);
        Assert.Equal(catalog.GoodIds.Order(StringComparer.Ordinal), stored.Keys);

        List<IndexReject> rejects = File.ReadAllLines(report.ErrorReportPath)
            .Select(line => JsonSerializer.Deserialize<IndexReject>(line, IndexingJson.Options)!)
            .OrderBy(reject => reject.Line)
            .ToList();
        Assert.Equal(catalog.Planted.Count, rejects.Count);
        foreach (((int line, string? id, string kind), IndexReject reject) in catalog.Planted.Zip(rejects))
        {
            Assert.Equal(line, reject.Line);
            Assert.Equal(id, reject.Id);
            Assert.StartsWith(kind, reject.Kind, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(reject.Reason));
        }
    }

    [Fact]
    public async Task Index_StoresTitleAndImageVectors_AndLexicalVector_WithTheContentHash()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 5);
        catalog.Append("""{"id":"no-image","title":"plain mug"}""", "no-image", kind: null);

        await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State));

        await using var store = await IndexingFixture.OpenStoreAsync(Data);
        ProductPoint withImage = (await store.GetAsync(catalog.GoodIds[0], withVectors: true))!;
        Assert.Equal([CollectionSchema.ImageVector, CollectionSchema.TextVector], withImage.Vectors.Keys.Order(StringComparer.Ordinal));
        Assert.NotNull(withImage.Lexical);
        Assert.Matches("^[0-9a-f]{32}\\.[0-9a-f]{16}$", withImage.ContentHash);
        ProductPoint textOnly = (await store.GetAsync("no-image", withVectors: true))!;
        Assert.Equal([CollectionSchema.TextVector], textOnly.Vectors.Keys);
    }

    [Fact]
    public async Task Index_SkipsUnchangedProducts_OnSecondRun()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"));
        catalog.PlantProblems();
        await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State));
        SortedDictionary<string, string> first = await IndexingFixture.DumpAsync(Data);

        var encoder = new HashingEncoder();
        IndexJobReport second = await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State), encoder);

        Assert.Equal(0, encoder.TextsEncoded + encoder.ImagesEncoded);
        Assert.Equal(0, second.Counts.Indexed);
        Assert.Equal(catalog.GoodIds.Count, second.Counts.Unchanged);
        Assert.Equal(catalog.Planted.Count, second.Counts.Rejected);
        Assert.Equal(first, await IndexingFixture.DumpAsync(Data));
    }

    [Fact]
    public async Task Index_ShardedRunsTogether_EqualOneFullRun()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"));
        catalog.PlantProblems();
        await IndexingFixture.RunAsync(_temp.Combine("full"), IndexingFixture.Options(catalog, _temp.Combine("state-full")));

        long indexed = 0;
        long rejected = 0;
        for (int shard = 0; shard < 3; shard++)
        {
            IndexJobReport report = await IndexingFixture.RunAsync(
                Data, IndexingFixture.Options(catalog, _temp.Combine($"state-{shard}"), new ShardSpec(shard, 3)));
            Assert.True(report.Counts.Indexed > 0, $"shard {shard} indexed nothing: the split is not spreading products");
            indexed += report.Counts.Indexed;
            rejected += report.Counts.Rejected;
        }

        Assert.Equal(catalog.GoodIds.Count, indexed);
        Assert.Equal(catalog.Planted.Count, rejected);
        Assert.Equal(await IndexingFixture.DumpAsync(_temp.Combine("full")), await IndexingFixture.DumpAsync(Data));
    }

    [Fact]
    public async Task Index_ReencodesOnlyChangedProducts_AndReusesVectors_WhenOnlyThePayloadChanged()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"));
        await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State));
        string retitled = catalog.GoodIds[1];
        string repriced = catalog.GoodIds[2];
        catalog.Edit(row =>
        {
            if ((string)row["id"]! == retitled)
            {
                row["title"] = "a brand new title";
            }
            else if ((string)row["id"]! == repriced)
            {
                row["price"] = 12345.5;
            }

            return row;
        });

        var encoder = new HashingEncoder();
        IndexJobReport report = await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State), encoder);

        Assert.Equal(2, report.Counts.Indexed);
        Assert.Equal(1, report.Counts.Encoded);
        Assert.Equal(1, report.Counts.PayloadOnly);
        Assert.Equal(1, encoder.TextsEncoded);
        Assert.Equal(catalog.GoodIds.Count - 2, report.Counts.Unchanged);

        // The result equals indexing the edited catalog from scratch.
        await IndexingFixture.RunAsync(_temp.Combine("fresh"), IndexingFixture.Options(catalog, _temp.Combine("state-fresh")));
        Assert.Equal(await IndexingFixture.DumpAsync(_temp.Combine("fresh")), await IndexingFixture.DumpAsync(Data));
    }

    [Fact]
    public async Task Index_ReencodesEverything_WhenTheModelVersionChanges()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 10);
        await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State));

        var encoder = new HashingEncoder("hashing-v2");
        IndexJobReport report = await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State), encoder);

        Assert.Equal(10, report.Counts.Encoded);
        Assert.Equal(10, encoder.TextsEncoded);
    }

    [Fact]
    public async Task Index_RemovesProductsMissingFromAFullCatalog_ButKeepsProductsWhoseRowsWereRejected()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 12);
        await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State));
        string dropped = catalog.GoodIds[0];
        string broken = catalog.GoodIds[1];
        catalog.Edit(row => (string)row["id"]! == dropped ? null
            : (string)row["id"]! == broken ? new JsonObject { ["id"] = broken, ["title"] = "still here", ["price"] = "not a number" }
            : row);

        IndexJobOptions options = IndexingFixture.Options(catalog, State);
        options.FullCatalog = true;
        IndexJobReport report = await IndexingFixture.RunAsync(Data, options);

        Assert.Equal(IndexJobStatus.CompletedWithRejects, report.Status);
        Assert.True(report.RemovedMissing);
        Assert.Equal(1, report.Counts.Deleted);
        SortedDictionary<string, string> stored = await IndexingFixture.DumpAsync(Data);
        Assert.DoesNotContain(dropped, stored.Keys);
        Assert.Contains(broken, stored.Keys);
        Assert.Equal(11, stored.Count);
    }

    [Fact]
    public async Task Index_KeepsMissingProducts_WhenTheCatalogIsNotFull()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 6);
        await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State));
        string dropped = catalog.GoodIds[0];
        catalog.Edit(row => (string)row["id"]! == dropped ? null : row);

        IndexJobReport report = await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State));

        Assert.Equal(0, report.Counts.Deleted);
        Assert.Contains(dropped, (await IndexingFixture.DumpAsync(Data)).Keys);
    }

    [Fact]
    public async Task Index_DoesNotRemoveMissingProducts_WhenARejectedRowHasNoReadableId()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 6);
        await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State));
        string dropped = catalog.GoodIds[0];
        catalog.Edit(row => (string)row["id"]! == dropped ? null : row);
        catalog.Append("""{"id": "cut""", id: null, "row");

        IndexJobOptions options = IndexingFixture.Options(catalog, State);
        options.FullCatalog = true;
        IndexJobReport report = await IndexingFixture.RunAsync(Data, options);

        Assert.False(report.RemovedMissing);
        Assert.Contains("no readable id", report.Message, StringComparison.Ordinal);
        Assert.Contains(dropped, (await IndexingFixture.DumpAsync(Data)).Keys);
    }

    [Fact]
    public async Task Index_RemovesProductsListedInTheDeletionsFile_AndDoesNotIndexThem()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 8);
        await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State));
        string deletions = _temp.Combine("deletions.txt");
        File.WriteAllLines(deletions, ["# removed today", catalog.GoodIds[3], "", $$"""{"id":"{{catalog.GoodIds[4]}}"}""", "never-stored"]);

        IndexJobOptions options = IndexingFixture.Options(catalog, State);
        options.DeletionsPath = deletions;
        IndexJobReport report = await IndexingFixture.RunAsync(Data, options);

        Assert.Equal(2, report.Counts.Deleted);
        Assert.Equal(2, report.Counts.ListedForDeletion);
        SortedDictionary<string, string> stored = await IndexingFixture.DumpAsync(Data);
        Assert.Equal(6, stored.Count);
        Assert.DoesNotContain(catalog.GoodIds[3], stored.Keys);

        IndexJobReport again = await IndexingFixture.RunAsync(Data, options);
        Assert.Equal(0, again.Counts.Indexed + again.Counts.Deleted);
    }

    [Fact]
    public async Task Index_StopsWithTooManyRejects_WhenMaxErrorsIsExceeded()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 4);
        catalog.PlantProblems();
        IndexJobOptions options = IndexingFixture.Options(catalog, State);
        options.MaxErrors = 2;
        options.FullCatalog = true;

        IndexJobReport report = await IndexingFixture.RunAsync(Data, options);

        Assert.Equal(IndexJobStatus.TooManyRejects, report.Status);
        Assert.True(report.Counts.Rejected > 2);
        Assert.False(report.RemovedMissing);
        Assert.Contains("max-errors", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_CompletesWithoutRejects_OnAClean_Catalog_AndWritesReportAndState()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 10);

        IndexJobReport report = await IndexingFixture.RunAsync(Data, IndexingFixture.Options(catalog, State));

        Assert.Equal(IndexJobStatus.Completed, report.Status);
        Assert.Equal(10, report.Counts.Indexed);
        Assert.True(File.Exists(report.ReportPath));
        Assert.True(File.Exists(report.StatePath));
        Assert.Empty(File.ReadAllLines(report.ErrorReportPath));
        using JsonDocument state = JsonDocument.Parse(File.ReadAllText(report.StatePath));
        Assert.Equal("finished", state.RootElement.GetProperty("phase").GetString());
        Assert.Equal("completed", state.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Index_Fails_WithTheReason_WhenTheCatalogDoesNotExist()
    {
        IndexJobOptions options = new() { CatalogPath = _temp.Combine("nope.jsonl"), StateDirectory = State };

        IndexJobReport report = await IndexingFixture.RunAsync(Data, options);

        Assert.Equal(IndexJobStatus.Failed, report.Status);
        Assert.Contains("nope.jsonl", report.Message, StringComparison.Ordinal);
    }
}
