using M6Search.Catalog.Queries;
using M6Search.Catalog.Reading;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Writing;

/// <summary>Writes queries.jsonl, one <see cref="LabeledQuery"/> per line; refuses a query the reader would reject.</summary>
public sealed class LabeledQueryWriter : JsonLinesWriter<LabeledQuery>
{
    private readonly JsonLinesReadOptions _limits;

    public LabeledQueryWriter(Stream stream, string fileName = "queries.jsonl", bool leaveOpen = false, JsonLinesReadOptions? limits = null)
        : base(stream, fileName, leaveOpen)
    {
        _limits = limits ?? JsonLinesReadOptions.Default;
    }

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>.</summary>
    public static LabeledQueryWriter Create(string path, JsonLinesReadOptions? limits = null) =>
        new(CreateFile(path), path, leaveOpen: false, limits);

    protected override void Check(LabeledQuery value, int line)
    {
        var issues = new RowIssues(FileName, line, idKind: "query");
        issues.RowId = FieldRules.Id(QueryFields.Id, value.Id ?? string.Empty, _limits.MaxIdLength, issues) ?? value.Id;
        FieldRules.RequiredText(QueryFields.Text, value.Text ?? string.Empty, _limits.MaxTextLength, issues);
        FieldRules.Lang(QueryFields.Lang, value.Lang ?? string.Empty, issues);
        if (value.Traits is null)
        {
            issues.Error(QueryFields.Traits, "must not be null; use an empty list");
        }
        else
        {
            for (int i = 0; i < value.Traits.Count; i++)
            {
                FieldRules.RequiredText($"{QueryFields.Traits}[{i}]", value.Traits[i] ?? string.Empty, _limits.MaxTextLength, issues);
            }
        }

        if (value.Relevance is null)
        {
            issues.Error(QueryFields.Relevance, "is required but missing");
        }
        else
        {
            foreach (var grade in value.Relevance)
            {
                string field = $"{QueryFields.Relevance}.{grade.Key}";
                FieldRules.Id(field, grade.Key, _limits.MaxIdLength, issues);
                if (grade.Value is not (1 or 2))
                {
                    issues.Error(field, $"grade must be 1 or 2, got {grade.Value}");
                }
            }
        }

        if (issues.HasErrors)
        {
            throw new CatalogException(issues.Issues.Where(i => i.Severity == IssueSeverity.Error).ToArray());
        }
    }
}
