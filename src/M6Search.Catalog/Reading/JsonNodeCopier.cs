using System.Text.Json;
using System.Text.Json.Nodes;

namespace M6Search.Catalog.Reading;

/// <summary>
/// Copies a parsed JSON value into a <see cref="JsonNode"/> that outlives its document. Done eagerly, so that a
/// repeated key inside <c>attributes</c> is reported here, with its path, rather than failing later in whoever reads
/// the node. Numbers keep their exact text.
/// </summary>
internal static class JsonNodeCopier
{
    public static JsonNode? Copy(JsonElement value, string path, RowIssues issues)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return CopyObject(value, path, issues);
            case JsonValueKind.Array:
                var array = new JsonArray();
                int index = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    array.Add(Copy(item, $"{path}[{index}]", issues));
                    index++;
                }

                return array;
            case JsonValueKind.String:
                return JsonValue.Create(value.GetString());
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            case JsonValueKind.Null:
                return null;
            default:
                return JsonValue.Create(value.Clone());
        }
    }

    public static JsonObject CopyObject(JsonElement value, string path, RowIssues issues)
    {
        var copy = new JsonObject();
        foreach (JsonProperty property in value.EnumerateObject())
        {
            string childPath = $"{path}.{property.Name}";
            if (copy.ContainsKey(property.Name))
            {
                issues.Error(childPath, "appears twice in the same object");
                continue;
            }

            copy[property.Name] = Copy(property.Value, childPath, issues);
        }

        return copy;
    }
}
