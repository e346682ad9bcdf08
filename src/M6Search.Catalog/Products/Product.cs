using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using M6Search.Catalog.Serialization;

namespace M6Search.Catalog.Products;

/// <summary>
/// One product of a catalog, as every tool reads it (README, "Catalog format").
/// Serialized by <see cref="ProductJsonConverter"/> (one catalog line, extra fields flattened) with any options.
/// </summary>
[JsonConverter(typeof(ProductJsonConverter))]
public sealed record Product
{
    /// <summary>Unique within a catalog; the stable key of the product everywhere (store point id, content hash).</summary>
    public required string Id { get; init; }

    /// <summary>The merchant's title, in the product's language.</summary>
    public required string Title { get; init; }

    /// <summary>
    /// The image as written in the catalog: a path relative to the catalog file, an absolute path, or an http(s) URL.
    /// Null when the row has no image.
    /// </summary>
    public string? Image { get; init; }

    public double? Price { get; init; }

    /// <summary>ISO 4217 code such as "USD" or "CNY".</summary>
    public string? Currency { get; init; }

    public string? Category { get; init; }

    public string? Merchant { get; init; }

    /// <summary>"en" or "zh"; null when the catalog does not say.</summary>
    public string? Lang { get; init; }

    public string? Description { get; init; }

    /// <summary>Structured attributes (for synthetic catalogs: exactly what was drawn).</summary>
    public JsonObject? Attributes { get; init; }

    /// <summary>Fields the format does not name, kept as they were so that no input is lost.</summary>
    [JsonExtensionData]
    public JsonObject? Extra { get; init; }
}
