using System.Text.Json;

namespace M6Search.Catalog.Reading;

/// <summary>
/// Field access for the small fixed-shape files (queries, pairs): collects the named fields of an object, reporting
/// repeats and warning about unknown ones (most likely a misspelt name), and reads required strings.
/// </summary>
internal static class JsonFields
{
    public static Dictionary<string, JsonElement> Collect(JsonElement root, RowIssues issues, IReadOnlyList<string> known)
    {
        var fields = new Dictionary<string, JsonElement>(known.Count, StringComparer.Ordinal);
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                string? similar = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
                issues.Warning(property.Name, similar is null
                    ? "unknown field, ignored"
                    : $"unknown field, ignored (did you mean '{similar}'? names are case-sensitive)");
            }
            else if (!fields.TryAdd(property.Name, property.Value))
            {
                issues.Error(property.Name, "appears twice in the object");
            }
        }

        return fields;
    }

    public static string? RequiredString(Dictionary<string, JsonElement> fields, string field, RowIssues issues)
    {
        if (!fields.TryGetValue(field, out JsonElement value))
        {
            issues.Error(field, "is required but missing");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            issues.Error(field, "expected a string, got " + JsonText.Describe(value));
            return null;
        }

        return value.GetString();
    }
}
