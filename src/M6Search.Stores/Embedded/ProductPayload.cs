using System.Text.Json;
using System.Text.Json.Nodes;
using M6Search.Catalog.Products;
using M6Search.Catalog.Serialization;

namespace M6Search.Stores.Embedded;

/// <summary>
/// The payload JSON of a product: the product as <see cref="CatalogJson"/> writes it, with its extra fields at the top
/// level. The extra fields are merged by hand because System.Text.Json writes a <c>[JsonExtensionData]</c> property
/// of type <c>JsonObject</c> as an unnamed nested object, which is invalid JSON (dotnet/runtime issues 60806 and
/// 97225, still open in .NET 10); reading such a property works, so <see cref="Product"/> is read back directly.
/// </summary>
internal static class ProductPayload
{
    public static string Serialize(Product product)
    {
        if (product.Extra is null || product.Extra.Count == 0)
        {
            return JsonSerializer.Serialize(product with { Extra = null }, CatalogJson.Options);
        }

        JsonObject payload = JsonSerializer.SerializeToNode(product with { Extra = null }, CatalogJson.Options)!.AsObject();
        if (product.Extra is not null && JsonSerializer.SerializeToNode(product.Extra, CatalogJson.Options) is JsonObject extra)
        {
            foreach (KeyValuePair<string, JsonNode?> field in extra)
            {
                // A named field always wins over an extra field of the same name, as it would when the catalog is read.
                if (!payload.ContainsKey(field.Key))
                {
                    payload[field.Key] = field.Value?.DeepClone();
                }
            }
        }

        return payload.ToJsonString(CatalogJson.Options);
    }
}
