using System.Text;
using System.Text.Json;

namespace M6Search.Stores.Embedded.Filtering;

/// <summary>
/// The filterable fields of one stored payload (the product's JSON): its price and its keyword fields, read from the
/// same JSON that is written to the collection file so that loading and upserting index exactly the same values.
/// Read with a forward-only reader over the UTF-8 bytes: at open this runs once per stored point.
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

    public static PayloadFields Parse(string payloadJson) => Parse(Encoding.UTF8.GetBytes(payloadJson));

    public static PayloadFields Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the payload is not a JSON object.");
        }

        double? price = null;
        var keywords = new List<KeyValuePair<string, string[]>>(8);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(PayloadColumns.PriceField))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double value))
                {
                    price = value;
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals(PayloadColumns.AttributesField))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    string field = PayloadColumns.AttributesPrefix + reader.GetString();
                    reader.Read();
                    AddValues(ref reader, field, keywords);
                }
            }
            else
            {
                string? field = TopLevelKeywordField(ref reader);
                reader.Read();
                if (field is null)
                {
                    reader.Skip();
                }
                else
                {
                    AddValues(ref reader, field, keywords);
                }
            }
        }

        return new PayloadFields(price, keywords);
    }

    private static string? TopLevelKeywordField(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals(PayloadColumns.CategoryField) ? PayloadColumns.CategoryField
        : reader.ValueTextEquals(PayloadColumns.MerchantField) ? PayloadColumns.MerchantField
        : reader.ValueTextEquals(PayloadColumns.LangField) ? PayloadColumns.LangField
        : reader.ValueTextEquals(PayloadColumns.CurrencyField) ? PayloadColumns.CurrencyField
        : null;

    /// <summary>Adds a string value, or the distinct strings of an array; skips anything else. Leaves the reader on the value's last token.</summary>
    private static void AddValues(ref Utf8JsonReader reader, string field, List<KeyValuePair<string, string[]>> keywords)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            keywords.Add(new(field, [reader.GetString()!]));
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        List<string>? values = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                string value = reader.GetString()!;
                values ??= [];
                if (!values.Contains(value, StringComparer.Ordinal))
                {
                    values.Add(value);
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (values is not null)
        {
            keywords.Add(new(field, [.. values]));
        }
    }
}
