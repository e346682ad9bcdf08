using System.Globalization;
using System.Text.Json;
using M6Search.Catalog.Queries;

namespace M6Search.Catalog.Reading;

/// <summary>Turns one JSON object of queries.jsonl into a <see cref="LabeledQuery"/> record.</summary>
internal sealed class LabeledQueryParser
{
    private readonly string _file;
    private readonly JsonLinesReadOptions _options;
    private readonly IdRegistry _ids = new();

    public LabeledQueryParser(string file, JsonLinesReadOptions options)
    {
        _file = file;
        _options = options;
    }

    public JsonLinesRecord<LabeledQuery> Invalid(int line, RowIssues issues) => new(line, null, issues.Issues);

    public JsonLinesRecord<LabeledQuery> Parse(int line, JsonElement root)
    {
        var issues = new RowIssues(_file, line, idKind: "query");
        var fields = JsonFields.Collect(root, issues, QueryFields.All);

        string? id = JsonFields.RequiredString(fields, QueryFields.Id, issues);
        id = id is null ? null : FieldRules.Id(QueryFields.Id, id, _options.MaxIdLength, issues);
        issues.RowId = id;
        bool duplicate = false;
        if (id is not null && !_ids.TryRegister(id, line, out int firstLine))
        {
            duplicate = true;
            issues.Error(QueryFields.Id, $"duplicate query id {JsonText.Quote(id)}: first used on line {firstLine.ToString(CultureInfo.InvariantCulture)}");
        }

        string? text = JsonFields.RequiredString(fields, QueryFields.Text, issues);
        text = text is null ? null : FieldRules.RequiredText(QueryFields.Text, text, _options.MaxTextLength, issues);

        string? lang = JsonFields.RequiredString(fields, QueryFields.Lang, issues);
        lang = lang is null ? null : FieldRules.Lang(QueryFields.Lang, lang, issues);

        IReadOnlyList<string> traits = ReadTraits(fields.GetValueOrDefault(QueryFields.Traits), issues);
        Dictionary<string, int>? relevance = ReadRelevance(fields.GetValueOrDefault(QueryFields.Relevance), issues);

        if (issues.HasErrors)
        {
            return new JsonLinesRecord<LabeledQuery>(line, null, issues.Issues, duplicate);
        }

        var query = new LabeledQuery
        {
            Id = id!,
            Text = text!,
            Lang = lang!,
            Traits = traits,
            Relevance = relevance!,
        };
        return new JsonLinesRecord<LabeledQuery>(line, query, issues.Issues);
    }

    private IReadOnlyList<string> ReadTraits(JsonElement value, RowIssues issues)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return Array.Empty<string>();
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            issues.Error(QueryFields.Traits, "expected an array of strings, got " + JsonText.Describe(value));
            return Array.Empty<string>();
        }

        var traits = new List<string>(value.GetArrayLength());
        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            string field = $"{QueryFields.Traits}[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                issues.Error(field, "expected a string, got " + JsonText.Describe(item));
            }
            else if (FieldRules.RequiredText(field, item.GetString()!, _options.MaxTextLength, issues) is { } trait)
            {
                traits.Add(trait);
            }

            index++;
        }

        return traits;
    }

    private Dictionary<string, int>? ReadRelevance(JsonElement value, RowIssues issues)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            issues.Error(QueryFields.Relevance, "is required but missing (an object of product id to grade 1 or 2)");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            issues.Error(QueryFields.Relevance, "expected an object of product id to grade 1 or 2, got " + JsonText.Describe(value));
            return null;
        }

        var relevance = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (JsonProperty grade in value.EnumerateObject())
        {
            string field = $"{QueryFields.Relevance}.{grade.Name}";
            if (FieldRules.Id(field, grade.Name, _options.MaxIdLength, issues) is null)
            {
                continue;
            }

            if (relevance.ContainsKey(grade.Name))
            {
                issues.Error(field, "appears twice in the object");
                continue;
            }

            if (grade.Value.ValueKind == JsonValueKind.Number && grade.Value.TryGetInt32(out int number) && number is 1 or 2)
            {
                relevance.Add(grade.Name, number);
            }
            else
            {
                issues.Error(field, "grade must be 1 or 2, got " + JsonText.Describe(grade.Value));
            }
        }

        if (relevance.Count == 0 && !issues.HasErrors)
        {
            issues.Warning(QueryFields.Relevance, "names no relevant product; the query cannot be scored");
        }

        return relevance;
    }
}
