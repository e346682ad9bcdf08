namespace M6Search.Catalog.Reading;

/// <summary>The field names of queries.jsonl (<c>LabeledQuery</c>).</summary>
public static class QueryFields
{
    public const string Id = "id";
    public const string Text = "text";
    public const string Lang = "lang";
    public const string Traits = "traits";
    public const string Relevance = "relevance";

    public static IReadOnlyList<string> All { get; } = [Id, Text, Lang, Traits, Relevance];
}
