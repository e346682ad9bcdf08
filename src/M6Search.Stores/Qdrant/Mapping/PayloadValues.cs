using System.Text.Json;
using System.Text.Json.Nodes;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.Qdrant.Mapping;

/// <summary>
/// JSON to Qdrant's payload <see cref="Value"/> (json_with_int.proto) and back. Numbers that are whole and fit in a
/// 64-bit integer become integers, as Qdrant's REST API would store them; every other number a double.
/// </summary>
internal static class PayloadValues
{
    public static Value ToValue(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return new Value { NullValue = NullValue.NullValue };
            case JsonObject obj:
                var fields = new Struct();
                foreach ((string name, JsonNode? child) in obj)
                {
                    fields.Fields[name] = ToValue(child);
                }

                return new Value { StructValue = fields };
            case JsonArray array:
                var list = new ListValue();
                list.Values.Add(array.Select(ToValue));
                return new Value { ListValue = list };
            default:
                // Through JsonElement, whatever CLR value (int, decimal, parsed text) the node holds.
                JsonElement value = JsonSerializer.SerializeToElement(node);
                return value.ValueKind switch
                {
                    JsonValueKind.String => new Value { StringValue = value.GetString() },
                    JsonValueKind.True => new Value { BoolValue = true },
                    JsonValueKind.False => new Value { BoolValue = false },
                    JsonValueKind.Null => new Value { NullValue = NullValue.NullValue },
                    JsonValueKind.Number when value.TryGetInt64(out long whole) => new Value { IntegerValue = whole },
                    JsonValueKind.Number => new Value { DoubleValue = value.GetDouble() },
                    JsonValueKind kind => throw new JsonException($"a JSON {kind} cannot be stored as a Qdrant payload value"),
                };
        }
    }

    public static JsonNode? ToJson(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.NullValue or Value.KindOneofCase.None => null,
        Value.KindOneofCase.StringValue => JsonValue.Create(value.StringValue),
        Value.KindOneofCase.BoolValue => JsonValue.Create(value.BoolValue),
        Value.KindOneofCase.IntegerValue => JsonValue.Create(value.IntegerValue),
        Value.KindOneofCase.DoubleValue => JsonValue.Create(value.DoubleValue),
        Value.KindOneofCase.StructValue => ToJson(value.StructValue.Fields),
        Value.KindOneofCase.ListValue => new JsonArray(value.ListValue.Values.Select(ToJson).ToArray()),
        _ => throw new JsonException($"Qdrant returned a payload value of unknown kind {value.KindCase}"),
    };

    public static JsonObject ToJson(IEnumerable<KeyValuePair<string, Value>> fields)
    {
        var obj = new JsonObject();
        foreach ((string name, Value child) in fields)
        {
            obj[name] = ToJson(child);
        }

        return obj;
    }
}
