using System.Text.Json;

namespace M6Search.Stores.Embedded.Filtering;

/// <summary>
/// The filterable fields of one stored payload (the product's JSON): its price and its keyword fields, read from the
/// same JSON that is written to the collection file so that loading and upserting index exactly the same values.
/// </summary>
internal sealed class PayloadFields
{
    private PayloadFields(double? price, IReadOnlyList<KeyValuePair<string, string[]>> keywords)
    {
        Price = price;
        Keywords = keywords;
    }

    public double? Price { get; }

    /// <summary>Field path ("category", "attributes.color") to its string values (several for a JSON array).</summary>
    public IReadOnlyList<KeyValuePair<string, string[]>> Keywords { get; }

    public static PayloadFields Parse(string payloadJson)
    {
        using JsonDocument document = JsonDocument.Parse(payloadJson);
        JsonElement root = document.RootElement;
        double? price = null;
        var keywords = new List<KeyValuePair<string, string[]>>();
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (property.NameEquals(PayloadColumns.PriceField))
            {
                if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out double value))
                {
                    price = value;
                }
            }
            else if (property.NameEquals(PayloadColumns.AttributesField))
            {
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (JsonProperty attribute in property.Value.EnumerateObject())
                    {
                        string[] values = StringValues(attribute.Value);
                        if (values.Length > 0)
                        {
                            keywords.Add(new(PayloadColumns.AttributesPrefix + attribute.Name, values));
                        }
                    }
                }
            }
            else if (PayloadColumns.IsTopLevelKeywordField(property.Name))
            {
                string[] values = StringValues(property.Value);
                if (values.Length > 0)
                {
                    keywords.Add(new(property.Name, values));
                }
            }
        }

        return new PayloadFields(price, keywords);
    }

    private static string[] StringValues(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return value.EnumerateArray()
            .Where(element => element.ValueKind == JsonValueKind.String)
            .Select(element => element.GetString()!)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }
}
