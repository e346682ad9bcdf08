using System.Globalization;
using System.Text.Json;

namespace M6Search.Catalog.Reading;

/// <summary>Short descriptions of values for error messages: <c>string "abc"</c>, <c>number 17</c>, <c>array</c>.</summary>
internal static class JsonText
{
    private const int MaxShown = 40;

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string " + Quote(value.GetString() ?? string.Empty),
        JsonValueKind.Number => "number " + Shorten(value.GetRawText()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString(),
    };

    /// <summary>A value in double quotes, shortened, with control characters escaped so that the message stays on one line.</summary>
    public static string Quote(string value)
    {
        string shown = Shorten(value);
        var text = new System.Text.StringBuilder(shown.Length + 2);
        text.Append('"');
        foreach (char c in shown)
        {
            if (char.IsControl(c))
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else if (c == '"' || c == '\\')
            {
                text.Append('\\').Append(c);
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Shorten(string value)
    {
        if (value.Length <= MaxShown)
        {
            return value;
        }

        int cut = char.IsHighSurrogate(value[MaxShown - 1]) ? MaxShown - 1 : MaxShown;
        return string.Concat(value.AsSpan(0, cut), "...");
    }
}
