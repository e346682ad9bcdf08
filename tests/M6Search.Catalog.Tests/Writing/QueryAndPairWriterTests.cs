using M6Search.Catalog.Queries;
using M6Search.Catalog.Reading;
using M6Search.Catalog.Tests.Support;
using M6Search.Catalog.Validation;
using M6Search.Catalog.Writing;

namespace M6Search.Catalog.Tests.Writing;

public sealed class QueryAndPairWriterTests
{
    [Fact]
    public async Task QueryWriter_RoundTripsQueries_ThroughTheReader()
    {
        using var folder = new TempFolder();
        string path = folder.File("queries.jsonl");
        var written = new[]
        {
            new LabeledQuery { Id = "q-1", Text = "凹凸的咖啡杯", Lang = "zh", Traits = ["凹凸"], Relevance = new Dictionary<string, int> { ["p-1"] = 2, ["p-2"] = 1 } },
            new LabeledQuery { Id = "q-2", Text = "bumpy cup", Lang = "en", Relevance = new Dictionary<string, int> { ["p-1"] = 2 } },
        };

        await using (var writer = LabeledQueryWriter.Create(path))
        {
            await writer.WriteAllAsync(written);
        }

        var read = await LabeledQueryReader.ReadAllAsync(path);
        Assert.Equal(2, read.Count);
        for (int i = 0; i < written.Length; i++)
        {
            Assert.Equal(written[i].Id, read[i].Id);
            Assert.Equal(written[i].Text, read[i].Text);
            Assert.Equal(written[i].Lang, read[i].Lang);
            Assert.Equal(written[i].Traits, read[i].Traits);
            Assert.Equal(written[i].Relevance.OrderBy(p => p.Key), read[i].Relevance.OrderBy(p => p.Key));
        }

        Assert.Contains("\"relevance\":{\"p-1\":2,\"p-2\":1}", (await File.ReadAllLinesAsync(path))[0]);
    }

    [Fact]
    public async Task QueryWriter_RefusesAGradeOtherThanOneOrTwo()
    {
        await using var writer = new LabeledQueryWriter(new MemoryStream());
        var query = new LabeledQuery { Id = "q-1", Text = "cup", Lang = "en", Relevance = new Dictionary<string, int> { ["p-1"] = 3 } };

        var ex = await Assert.ThrowsAsync<CatalogException>(() => writer.WriteAsync(query).AsTask());

        Assert.Equal(("queries.jsonl", 1, "relevance.p-1", "q-1"), (ex.Issue.File, ex.Issue.Line, ex.Issue.Field!, ex.Issue.ProductId!));
    }

    [Fact]
    public async Task PairWriter_RoundTripsPairs_ThroughTheReader()
    {
        using var stream = new MemoryStream();
        var written = new[]
        {
            new TrainingPair { ProductId = "p-1", Image = "images/p-1.jpg", Text = "一只凹凸的白色咖啡杯", Lang = "zh" },
            new TrainingPair { ProductId = "p-1", Image = "images/p-1.jpg", Text = "a bumpy white cup", Lang = "en" },
        };

        await using (var writer = new TrainingPairWriter(stream, leaveOpen: true))
        {
            await writer.WriteAllAsync(written);
        }

        stream.Position = 0;
        var read = new List<TrainingPair>();
        await foreach (var record in TrainingPairReader.ReadAsync(stream, "pairs.jsonl"))
        {
            Assert.Empty(record.Issues);
            read.Add(record.Value!);
        }

        Assert.Equal(written, read);
    }

    [Fact]
    public async Task PairWriter_RefusesAPairWithAnUnsupportedImageScheme()
    {
        await using var writer = new TrainingPairWriter(new MemoryStream());
        var pair = new TrainingPair { ProductId = "p-1", Image = "file:///etc/passwd", Text = "cup", Lang = "en" };

        var ex = await Assert.ThrowsAsync<CatalogException>(() => writer.WriteAsync(pair).AsTask());

        Assert.Equal(("image", "p-1"), (ex.Issue.Field!, ex.Issue.ProductId!));
    }
}
