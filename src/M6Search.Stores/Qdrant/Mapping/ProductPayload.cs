using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.Collections;
using M6Search.Catalog.Products;
using M6Search.Catalog.Serialization;
using M6Search.Stores.Abstractions;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.Qdrant.Mapping;

/// <summary>
/// A product as a Qdrant payload: exactly its catalog JSON (camelCase names, <c>attributes</c> as an object, unnamed
/// fields at the top level as the catalog had them) plus the content hash under a reserved key, as payload values
/// (<see cref="PayloadValues"/>). Reading it back gives the same product.
/// </summary>
internal static class ProductPayload
{
    /// <summary>The payload key of the content hash; reserved, so a product may not carry a field of this name.</summary>
    public const string ContentHashKey = "m6_content_hash";

    public const string IdKey = "id";

    public const string CategoryKey = "category";

    public const string MerchantKey = "merchant";

    public const string LangKey = "lang";

    public const string CurrencyKey = "currency";

    public const string PriceKey = "price";

    public const string AttributesKey = "attributes";

    // The JSON names of Product's own members; an unnamed field may not reuse one, or reading it back would change the product.
    private static readonly HashSet<string> NamedFields = CatalogJson.Options.GetTypeInfo(typeof(Product)).Properties
        .Where(property => !property.IsExtensionData)
        .Select(property => property.Name)
        .ToHashSet(StringComparer.Ordinal);

    public static MapField<string, Value> ToPayload(Product product, string? contentHash, string collection)
    {
        if (product.Extra is not null && product.Extra.ContainsKey(ContentHashKey))
        {
            throw new VectorStoreException(
                "Upsert",
                collection,
                $"product '{product.Id}' has a field named '{ContentHashKey}', which the Qdrant store reserves for the content hash.");
        }

        // The unnamed fields are merged by hand: System.Text.Json writes a [JsonExtensionData] JsonObject as a nameless
        // nested object, which is not JSON (dotnet/runtime#97225); reading them back through the attribute works.
        JsonObject payload = JsonSerializer.SerializeToNode(product with { Extra = null }, CatalogJson.Options)?.AsObject()
            ?? throw new InvalidOperationException($"Product '{product.Id}' serialised to null.");
        if (product.Extra is not null)
        {
            foreach ((string name, JsonNode? value) in product.Extra)
            {
                if (NamedFields.Contains(name) || payload.ContainsKey(name))
                {
                    throw new VectorStoreException("Upsert", collection, $"product '{product.Id}' has an extra field '{name}' that repeats one of its named fields.");
                }

                payload[name] = value?.DeepClone();
            }
        }
        if (contentHash is not null)
        {
            payload[ContentHashKey] = contentHash;
        }

        var fields = new MapField<string, Value>();
        foreach ((string name, JsonNode? value) in payload)
        {
            fields[name] = PayloadValues.ToValue(value);
        }

        return fields;
    }

    /// <summary>The product and content hash stored in a payload; a payload that is not a product is reported with its point id.</summary>
    public static (Product Product, string? ContentHash) FromPayload(MapField<string, Value> payload, string pointId, string operation, string collection)
    {
        if (payload.Count == 0)
        {
            throw new VectorStoreException(operation, collection, $"point {pointId} came back without a payload, so it holds no product.");
        }

        JsonObject copy;
        try
        {
            copy = PayloadValues.ToJson(payload);
        }
        catch (JsonException ex)
        {
            throw new VectorStoreException(operation, collection, $"point {pointId}: {ex.Message}.", ex);
        }

        string? contentHash = null;
        if (copy.Remove(ContentHashKey, out JsonNode? hashNode))
        {
            contentHash = hashNode is JsonValue value && value.TryGetValue(out string? text)
                ? text
                : throw new VectorStoreException(operation, collection, $"point {pointId}: payload field '{ContentHashKey}' is not a string.");
        }

        Product? product;
        try
        {
            product = copy.Deserialize<Product>(CatalogJson.Options);
        }
        catch (JsonException ex)
        {
            throw new VectorStoreException(operation, collection, $"point {pointId}: payload is not a product ({ex.Message}).", ex);
        }

        if (product is null || string.IsNullOrEmpty(product.Id))
        {
            throw new VectorStoreException(operation, collection, $"point {pointId}: payload has no product id.");
        }

        return (product, contentHash);
    }
}
