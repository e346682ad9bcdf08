using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using M6Search.Catalog.Products;
using M6Search.Catalog.Reading;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Serialization;

/// <summary>
/// Reads and writes a <see cref="Product"/> exactly as one catalog line, whatever serializer options are in use.
/// Needed because System.Text.Json writes a <c>[JsonExtensionData]</c> <see cref="JsonObject"/> as a nested object
/// without a name (invalid JSON; dotnet/runtime#60806, #97225), so <see cref="Product.Extra"/> is written here field by
/// field after the named fields. Reading applies the catalog rules and throws <see cref="JsonException"/> naming the
/// field, so that a product from any JSON source is as valid as one from a catalog file.
/// </summary>
public sealed class ProductJsonConverter : JsonConverter<Product>
{
    public override Product Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A product must be a JSON object, not {document.RootElement.ValueKind}.");
        }

        var parser = new JsonProductParser("(json)", CatalogReadOptions.Default, ids: null);
        CatalogRecord record = parser.Parse(0, document.RootElement);
        if (record.Product is null)
        {
            CatalogIssue issue = record.Issues.First(i => i.Severity == IssueSeverity.Error);
            string field = issue.Field is null ? string.Empty : $"field '{issue.Field}': ";
            string product = issue.ProductId is null ? string.Empty : $" (product {issue.ProductId})";
            throw new JsonException($"Invalid product: {field}{issue.Message}{product}");
        }

        return record.Product;
    }

    public override void Write(Utf8JsonWriter writer, Product value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(ProductFields.Id, value.Id);
        writer.WriteString(ProductFields.Title, value.Title);
        WriteIfSet(writer, ProductFields.Image, value.Image);
        if (value.Price is { } price)
        {
            writer.WriteNumber(ProductFields.Price, price);
        }

        WriteIfSet(writer, ProductFields.Currency, value.Currency);
        WriteIfSet(writer, ProductFields.Category, value.Category);
        WriteIfSet(writer, ProductFields.Merchant, value.Merchant);
        WriteIfSet(writer, ProductFields.Lang, value.Lang);
        WriteIfSet(writer, ProductFields.Description, value.Description);
        if (value.Attributes is not null)
        {
            writer.WritePropertyName(ProductFields.Attributes);
            value.Attributes.WriteTo(writer, options);
        }

        if (value.Extra is not null)
        {
            foreach (KeyValuePair<string, JsonNode?> field in value.Extra)
            {
                if (ProductFields.IsKnown(field.Key))
                {
                    throw new JsonException($"Product {value.Id}: extra field '{field.Key}' has the name of a catalog field.");
                }

                writer.WritePropertyName(field.Key);
                if (field.Value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    field.Value.WriteTo(writer, options);
                }
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
