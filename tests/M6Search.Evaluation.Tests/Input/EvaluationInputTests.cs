using M6Search.Evaluation.Input;

namespace M6Search.Evaluation.Tests.Input;

public sealed class EvaluationInputTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "m6-eval-input-" + Guid.NewGuid().ToString("N"));

    public EvaluationInputTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReadQueries_ReadsJudgmentsTraitsAndSkipsBlankLines()
    {
        string path = Write("queries.jsonl",
            """{"id":"q1","text":"bumpy mug","lang":"en","traits":["bumpy","textured"],"relevance":{"p1":2,"p2":0}}""",
            "",
            """{"id":"q2","text":"凹凸杯","lang":"zh","relevance":{"p3":1}}""");

        var queries = EvaluationInput.ReadQueries(path);

        Assert.Equal(["q1", "q2"], queries.Select(q => q.Id));
        Assert.Equal(["bumpy", "textured"], queries[0].Traits);
        Assert.Equal(2, queries[0].Relevance["p1"]);
        Assert.Empty(queries[1].Traits);
    }

    [Fact]
    public void ReadProducts_ReadsTheCatalogRows()
    {
        string path = Write("catalog.jsonl",
            """{"id":"p1","title":"Ceramic mug","image":"img/p1.jpg","lang":"en"}""",
            """{"id":"p2","title":"陶瓷杯","lang":"zh"}""");

        var products = EvaluationInput.ReadProducts(path);

        Assert.Equal(["Ceramic mug", "陶瓷杯"], products.Select(p => p.Title));
        Assert.Equal("img/p1.jpg", products[0].Image);
    }

    [Fact]
    public void ReadQueries_NamesFileAndLine_WhenALineIsNotJson()
    {
        string path = Write("queries.jsonl", """{"id":"q1","text":"mug","lang":"en","relevance":{}}""", "{not json");

        var ex = Assert.Throws<EvaluationInputException>(() => EvaluationInput.ReadQueries(path));

        Assert.Equal(2, ex.Line);
        Assert.StartsWith(path + ":2:", ex.Message);
    }

    [Fact]
    public void ReadQueries_NamesTheQueryAndProduct_WhenAGradeIsNegative()
    {
        string path = Write("queries.jsonl", """{"id":"q1","text":"mug","lang":"en","relevance":{"p7":-1}}""");

        var ex = Assert.Throws<EvaluationInputException>(() => EvaluationInput.ReadQueries(path));

        Assert.Contains("'q1'", ex.Message);
        Assert.Contains("'p7'", ex.Message);
    }

    [Fact]
    public void ReadQueries_ReportsTheMissingField_WhenRelevanceIsAbsent()
    {
        string path = Write("queries.jsonl", """{"id":"q1","text":"mug","lang":"en"}""");

        var ex = Assert.Throws<EvaluationInputException>(() => EvaluationInput.ReadQueries(path));

        Assert.Equal(1, ex.Line);
        Assert.Contains("relevance", ex.Message);
    }

    [Fact]
    public void ReadProducts_NamesBothLines_WhenAnIdRepeats()
    {
        string path = Write("catalog.jsonl",
            """{"id":"p1","title":"a"}""", """{"id":"p2","title":"b"}""", """{"id":"p1","title":"c"}""");

        var ex = Assert.Throws<EvaluationInputException>(() => EvaluationInput.ReadProducts(path));

        Assert.Equal(3, ex.Line);
        Assert.Contains("line 1", ex.Message);
    }

    [Fact]
    public void ReadProducts_SaysFileNotFound_WhenTheFileIsMissing()
    {
        string path = Path.Combine(_folder, "nope.jsonl");

        var ex = Assert.Throws<EvaluationInputException>(() => EvaluationInput.ReadProducts(path));

        Assert.Contains("file not found", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    private string Write(string name, params string[] lines)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
