using M6Search.Catalog.Queries;
using M6Search.Catalog.Reading;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Writing;

/// <summary>Writes pairs.jsonl, one <see cref="TrainingPair"/> per line; refuses a pair the reader would reject.</summary>
public sealed class TrainingPairWriter : JsonLinesWriter<TrainingPair>
{
    private readonly JsonLinesReadOptions _limits;

    public TrainingPairWriter(Stream stream, string fileName = "pairs.jsonl", bool leaveOpen = false, JsonLinesReadOptions? limits = null)
        : base(stream, fileName, leaveOpen)
    {
        _limits = limits ?? JsonLinesReadOptions.Default;
    }

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>.</summary>
    public static TrainingPairWriter Create(string path, JsonLinesReadOptions? limits = null) =>
        new(CreateFile(path), path, leaveOpen: false, limits);

    protected override void Check(TrainingPair value, int line)
    {
        var issues = new RowIssues(FileName, line);
        issues.RowId = FieldRules.Id(PairFields.ProductId, value.ProductId ?? string.Empty, _limits.MaxIdLength, issues) ?? value.ProductId;
        if (string.IsNullOrEmpty(value.Image))
        {
            issues.Error(PairFields.Image, "must not be empty");
        }
        else
        {
            FieldRules.Image(PairFields.Image, value.Image, issues, warnWhenEmpty: false);
        }

        FieldRules.RequiredText(PairFields.Text, value.Text ?? string.Empty, _limits.MaxTextLength, issues);
        FieldRules.Lang(PairFields.Lang, value.Lang ?? string.Empty, issues);
        if (issues.HasErrors)
        {
            throw new CatalogException(issues.Issues.Where(i => i.Severity == IssueSeverity.Error).ToArray());
        }
    }
}
