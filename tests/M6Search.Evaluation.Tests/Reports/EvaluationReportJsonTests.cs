using System.Text.Json;
using M6Search.Evaluation.Corpus;
using M6Search.Evaluation.Ranking;
using M6Search.Evaluation.Reports;
using M6Search.Evaluation.Tests.TestDoubles;

namespace M6Search.Evaluation.Tests.Reports;

public class EvaluationReportJsonTests
{
    private static EvaluationReport Report()
    {
        var corpus = new EvaluationCorpus([new CorpusProduct("p1", "Ceramic mug", "en"), new CorpusProduct("p2", "Bumpy mug", "en")]);
        var query = Judged.Query("q1", "bumpy mug", "en", ["bumpy"], ("p1", 2), ("p2", 1));
        var title = new FixedRanker(new Dictionary<string, string[]> { ["bumpy mug"] = ["p2"] });
        var image = new FixedRanker(new Dictionary<string, string[]> { ["bumpy mug"] = ["p1", "p2"] });
        EvaluationReport report = new RetrievalEvaluator().EvaluateAsync(
            corpus, [query],
            new Dictionary<RetrievalMode, IQueryRanker> { [RetrievalMode.Title] = title, [RetrievalMode.Image] = image }).GetAwaiter().GetResult();
        return report with
        {
            Search = new SearchSettings(100, 2, new ChannelWeights(1f, 1f, 0.5f)),
            ModelVersion = "tiny-test",
            Skipped = [new SkippedProduct("p3", 3, "images/p3.png", "field 'image': 168,000,000 pixels", "image:TooLarge")],
        };
    }

    [Fact]
    public void Serialize_WritesSettingsRowsAndComparisons()
    {
        using JsonDocument json = JsonDocument.Parse(EvaluationReportJson.Serialize(Report()));
        JsonElement root = json.RootElement;

        Assert.Equal(10, root.GetProperty("k").GetInt32());
        Assert.Equal(100, root.GetProperty("recallDepth").GetInt32());
        JsonElement search = root.GetProperty("search");
        Assert.Equal(100, search.GetProperty("prefetchLimit").GetInt32());
        Assert.Equal(2, search.GetProperty("rrfK").GetInt32());
        Assert.Equal(0.5, search.GetProperty("fusionWeights").GetProperty("lexical").GetDouble());
        Assert.Equal("tiny-test", root.GetProperty("modelVersion").GetString());
        Assert.Equal(2, root.GetProperty("products").GetInt32());
        Assert.Equal(1, root.GetProperty("skippedProducts").GetInt32());
        JsonElement skipped = root.GetProperty("skipped")[0];
        Assert.Equal("p3", skipped.GetProperty("productId").GetString());
        Assert.Equal("images/p3.png", skipped.GetProperty("image").GetString());
        Assert.Equal("image:TooLarge", skipped.GetProperty("kind").GetString());
        Assert.Equal(3, skipped.GetProperty("line").GetInt32());
        Assert.Equal(1, root.GetProperty("queries").GetInt32());
        Assert.False(root.TryGetProperty("perQuery", out _));

        JsonElement[] rows = root.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(["title/en", "title/all", "image/en", "image/all"],
            rows.Select(r => r.GetProperty("mode").GetString() + "/" + r.GetProperty("lang").GetString()));
        JsonElement imageAll = rows[3];
        foreach (string name in new[] { "queries", "skippedQueries", "ndcg", "precision", "recall", "mrr", "hiddenTraitRecall",
                     "hiddenTraitQueries", "hiddenTraitProducts", "hiddenTraitFound" })
        {
            Assert.Equal(JsonValueKind.Number, imageAll.GetProperty(name).ValueKind);
        }

        Assert.Equal(1.0, imageAll.GetProperty("hiddenTraitRecall").GetDouble());
        Assert.Equal(0.0, rows[1].GetProperty("hiddenTraitRecall").GetDouble());

        JsonElement comparison = root.GetProperty("comparisons").EnumerateArray().First(c => c.GetProperty("lang").GetString() == "all");
        Assert.Equal("image", comparison.GetProperty("mode").GetString());
        Assert.Equal("title", comparison.GetProperty("baseline").GetString());
        Assert.Equal(JsonValueKind.Null, comparison.GetProperty("ratio").ValueKind);
    }

    [Fact]
    public async Task WriteAsync_CreatesTheFolderAndWritesTheSameJson()
    {
        string folder = Path.Combine(Path.GetTempPath(), "m6-eval-json-" + Guid.NewGuid().ToString("N"));
        string path = Path.Combine(folder, "sub", "report.json");
        try
        {
            EvaluationReport report = Report();
            await EvaluationReportJson.WriteAsync(report, path);

            Assert.Equal(EvaluationReportJson.Serialize(report), await File.ReadAllTextAsync(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
    [Fact]
    public void Per_query_lines_name_the_query_and_mode_and_carry_its_metrics()
    {
        string[] lines = PerQueryJsonLines.Lines(Report()).ToArray();

        Assert.Equal(2, lines.Length);
        using JsonDocument title = JsonDocument.Parse(lines[0]);
        using JsonDocument image = JsonDocument.Parse(lines[1]);
        Assert.Equal("q1", title.RootElement.GetProperty("queryId").GetString());
        Assert.Equal("en", title.RootElement.GetProperty("lang").GetString());
        Assert.Equal("title", title.RootElement.GetProperty("mode").GetString());
        Assert.Equal("image", image.RootElement.GetProperty("mode").GetString());
        Assert.Equal(2, image.RootElement.GetProperty("relevantProducts").GetInt32());
        Assert.Equal(1, image.RootElement.GetProperty("hiddenTraitProducts").GetInt32());
        Assert.Equal(1, image.RootElement.GetProperty("hiddenTraitFound").GetInt32());
        Assert.Equal(0, title.RootElement.GetProperty("hiddenTraitFound").GetInt32());
        Assert.Equal(1.0, image.RootElement.GetProperty("reciprocalRank").GetDouble());
        Assert.Equal(1.0, title.RootElement.GetProperty("reciprocalRank").GetDouble());
    }

    [Fact]
    public async Task Per_query_file_has_one_line_per_query_and_mode()
    {
        string folder = Path.Combine(Path.GetTempPath(), "m6-eval-perquery-" + Guid.NewGuid().ToString("N"));
        string path = Path.Combine(folder, "per-query.jsonl");
        try
        {
            EvaluationReport report = Report();
            await PerQueryJsonLines.WriteAsync(report, path);

            Assert.Equal(PerQueryJsonLines.Lines(report), await File.ReadAllLinesAsync(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
