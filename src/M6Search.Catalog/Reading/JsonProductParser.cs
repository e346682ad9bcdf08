using System.Text.Json;
using System.Text.Json.Nodes;
using M6Search.Catalog.Products;

namespace M6Search.Catalog.Reading;

/// <summary>
/// Turns one JSON object of a catalog into a <see cref="CatalogRecord"/>: type checks per field, then the shared
/// <see cref="FieldRules"/>. The id is read first so that every later issue of the row names the product.
/// </summary>
internal sealed class JsonProductParser
{
    private readonly string _file;
    private readonly CatalogReadOptions _options;
    private readonly IdRegistry? _ids;

    public JsonProductParser(string file, CatalogReadOptions options, IdRegistry? ids)
    {
        _file = file;
        _options = options;
        _ids = ids;
    }

    public CatalogRecord Invalid(int line, RowIssues issues) => new(line, null, issues.Issues);

    public CatalogRecord Parse(int line, JsonElement root)
    {
        var issues = new RowIssues(_file, line);
        JsonElement id = default, title = default, image = default, price = default, currency = default;
        JsonElement category = default, merchant = default, lang = default, description = default, attributes = default;
        JsonObject? extra = null;
        foreach (JsonProperty property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case ProductFields.Id: Assign(ref id, property, issues); break;
                case ProductFields.Title: Assign(ref title, property, issues); break;
                case ProductFields.Image: Assign(ref image, property, issues); break;
                case ProductFields.Price: Assign(ref price, property, issues); break;
                case ProductFields.Currency: Assign(ref currency, property, issues); break;
                case ProductFields.Category: Assign(ref category, property, issues); break;
                case ProductFields.Merchant: Assign(ref merchant, property, issues); break;
                case ProductFields.Lang: Assign(ref lang, property, issues); break;
                case ProductFields.Description: Assign(ref description, property, issues); break;
                case ProductFields.Attributes: Assign(ref attributes, property, issues); break;
                default:
                    extra ??= new JsonObject();
                    if (extra.ContainsKey(property.Name))
                    {
                        issues.Error(property.Name, "appears twice in the object");
                    }
                    else
                    {
                        extra[property.Name] = JsonNodeCopier.Copy(property.Value, property.Name, issues);
                    }

                    break;
            }
        }

        string? idValue = RequiredString(ProductFields.Id, id, extra, issues);
        idValue = idValue is null ? null : FieldRules.Id(ProductFields.Id, idValue, _options.MaxIdLength, issues);
        issues.RowId = idValue;

        bool duplicate = false;
        if (idValue is not null && _ids is not null && !_ids.TryRegister(idValue, line, out int firstLine))
        {
            duplicate = true;
            issues.Error(ProductFields.Id, $"duplicate id {JsonText.Quote(idValue)}: first used on line {firstLine}");
        }

        string? titleValue = RequiredString(ProductFields.Title, title, extra, issues);
        titleValue = titleValue is null ? null : FieldRules.RequiredText(ProductFields.Title, titleValue, _options.MaxTitleLength, issues);

        string? imageValue = OptionalString(ProductFields.Image, image, issues);
        imageValue = imageValue is null ? null : FieldRules.Image(ProductFields.Image, imageValue, issues, warnWhenEmpty: true);

        double? priceValue = null;
        if (price.ValueKind == JsonValueKind.Number)
        {
            priceValue = FieldRules.Price(ProductFields.Price, price.GetDouble(), issues);
        }
        else if (price.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            issues.Error(ProductFields.Price, "expected a number, got " + JsonText.Describe(price));
        }

        string? currencyValue = OptionalString(ProductFields.Currency, currency, issues);
        currencyValue = currencyValue is null ? null : FieldRules.Currency(ProductFields.Currency, currencyValue, issues);

        string? categoryValue = OptionalString(ProductFields.Category, category, issues);
        string? merchantValue = OptionalString(ProductFields.Merchant, merchant, issues);

        string? langValue = OptionalString(ProductFields.Lang, lang, issues);
        langValue = langValue is null ? null : FieldRules.Lang(ProductFields.Lang, langValue, issues);

        string? descriptionValue = OptionalString(ProductFields.Description, description, issues);

        JsonObject? attributesValue = null;
        if (attributes.ValueKind == JsonValueKind.Object)
        {
            attributesValue = JsonNodeCopier.CopyObject(attributes, ProductFields.Attributes, issues);
        }
        else if (attributes.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            issues.Error(ProductFields.Attributes, "expected an object, got " + JsonText.Describe(attributes));
        }

        if (issues.HasErrors)
        {
            return new CatalogRecord(line, null, issues.Issues, duplicate);
        }

        var product = new Product
        {
            Id = idValue!,
            Title = titleValue!,
            Image = imageValue,
            Price = priceValue,
            Currency = currencyValue,
            Category = categoryValue,
            Merchant = merchantValue,
            Lang = langValue,
            Description = descriptionValue,
            Attributes = attributesValue,
            Extra = extra,
        };
        return new CatalogRecord(line, product, issues.Issues);
    }

    private static void Assign(ref JsonElement slot, JsonProperty property, RowIssues issues)
    {
        if (slot.ValueKind != JsonValueKind.Undefined)
        {
            issues.Error(property.Name, "appears twice in the object");
            return;
        }

        slot = property.Value;
    }

    /// <summary>A required string field; a missing one gets a hint when a differently cased key is present.</summary>
    private static string? RequiredString(string field, JsonElement value, JsonObject? extra, RowIssues issues)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Undefined:
                issues.Error(field, "is required but missing" + CaseHint(field, extra));
                return null;
            default:
                issues.Error(field, "expected a string, got " + JsonText.Describe(value));
                return null;
        }
    }

    private static string? OptionalString(string field, JsonElement value, RowIssues issues)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            default:
                issues.Error(field, "expected a string, got " + JsonText.Describe(value));
                return null;
        }
    }

    private static string CaseHint(string field, JsonObject? extra)
    {
        if (extra is null)
        {
            return string.Empty;
        }

        foreach (KeyValuePair<string, JsonNode?> pair in extra)
        {
            if (string.Equals(pair.Key, field, StringComparison.OrdinalIgnoreCase))
            {
                return $" (there is a field '{pair.Key}'; field names are case-sensitive)";
            }
        }

        return string.Empty;
    }
}
