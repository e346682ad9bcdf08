using System.Text.Json;
using M6Search.Catalog.Queries;

namespace M6Search.Catalog.Reading;

/// <summary>Turns one JSON object of pairs.jsonl into a <see cref="TrainingPair"/> record.</summary>
internal sealed class TrainingPairParser
{
    private readonly string _file;
    private readonly JsonLinesReadOptions _options;

    public TrainingPairParser(string file, JsonLinesReadOptions options)
    {
        _file = file;
        _options = options;
    }

    public JsonLinesRecord<TrainingPair> Invalid(int line, RowIssues issues) => new(line, null, issues.Issues);

    public JsonLinesRecord<TrainingPair> Parse(int line, JsonElement root)
    {
        var issues = new RowIssues(_file, line);
        var fields = JsonFields.Collect(root, issues, PairFields.All);

        string? productId = JsonFields.RequiredString(fields, PairFields.ProductId, issues);
        productId = productId is null ? null : FieldRules.Id(PairFields.ProductId, productId, _options.MaxIdLength, issues);
        issues.RowId = productId;

        string? image = JsonFields.RequiredString(fields, PairFields.Image, issues);
        if (image is not null && image.Length == 0)
        {
            issues.Error(PairFields.Image, "must not be empty");
            image = null;
        }
        else if (image is not null)
        {
            image = FieldRules.Image(PairFields.Image, image, issues, warnWhenEmpty: false);
        }

        string? text = JsonFields.RequiredString(fields, PairFields.Text, issues);
        text = text is null ? null : FieldRules.RequiredText(PairFields.Text, text, _options.MaxTextLength, issues);

        string? lang = JsonFields.RequiredString(fields, PairFields.Lang, issues);
        lang = lang is null ? null : FieldRules.Lang(PairFields.Lang, lang, issues);

        if (issues.HasErrors)
        {
            return new JsonLinesRecord<TrainingPair>(line, null, issues.Issues);
        }

        var pair = new TrainingPair { ProductId = productId!, Image = image!, Text = text!, Lang = lang! };
        return new JsonLinesRecord<TrainingPair>(line, pair, issues.Issues);
    }
}
