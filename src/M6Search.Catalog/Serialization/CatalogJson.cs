using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace M6Search.Catalog.Serialization;

/// <summary>The one set of JSON options for catalog, query and pair files (JSON Lines, camelCase, UTF-8 kept readable).</summary>
public static class CatalogJson
{
    /// <summary>Options for writing and reading one JSON value per line.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}
