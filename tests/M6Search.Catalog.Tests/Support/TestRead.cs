using System.Text;
using M6Search.Catalog.Queries;
using M6Search.Catalog.Reading;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Tests.Support;

/// <summary>Reads catalogs, queries and pairs from text or bytes held in memory.</summary>
internal static class TestRead
{
    public static Task<List<CatalogRecord>> CatalogAsync(string text, string fileName = "catalog.jsonl", CatalogReadOptions? options = null) =>
        CatalogAsync(Encoding.UTF8.GetBytes(text), fileName, options);

    public static async Task<List<CatalogRecord>> CatalogAsync(byte[] bytes, string fileName = "catalog.jsonl", CatalogReadOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        var records = new List<CatalogRecord>();
        await foreach (CatalogRecord record in CatalogReader.ReadAsync(stream, fileName, options))
        {
            records.Add(record);
        }

        return records;
    }

    public static async Task<List<JsonLinesRecord<LabeledQuery>>> QueriesAsync(string text, JsonLinesReadOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var records = new List<JsonLinesRecord<LabeledQuery>>();
        await foreach (var record in LabeledQueryReader.ReadAsync(stream, "queries.jsonl", options))
        {
            records.Add(record);
        }

        return records;
    }

    public static async Task<List<JsonLinesRecord<TrainingPair>>> PairsAsync(string text, JsonLinesReadOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var records = new List<JsonLinesRecord<TrainingPair>>();
        await foreach (var record in TrainingPairReader.ReadAsync(stream, "pairs.jsonl", options))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>Asserts that the issues hold exactly one error, at the given file, line and field, and returns it.</summary>
    public static CatalogIssue SingleError(IEnumerable<CatalogIssue> issues, string file, int line, string? field)
    {
        CatalogIssue error = Assert.Single(issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(file, error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        return error;
    }

    /// <summary>A valid catalog line for product <paramref name="id"/>.</summary>
    public static string Line(string id, string title = "Cup") => $"{{\"id\":\"{id}\",\"title\":\"{title}\"}}";
}
