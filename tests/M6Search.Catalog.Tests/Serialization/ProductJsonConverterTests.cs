using System.Text.Json;
using System.Text.Json.Nodes;
using M6Search.Catalog.Products;
using M6Search.Catalog.Serialization;

namespace M6Search.Catalog.Tests.Serialization;

public sealed class ProductJsonConverterTests
{
    [Fact]
    public void Serialize_FlattensExtraFields_WithAnyOptions()
    {
        var product = new Product
        {
            Id = "p-1",
            Title = "Cup",
            Price = 3,
            Extra = new JsonObject { ["sku"] = "A-77", ["seller"] = new JsonObject { ["since"] = 2019 } },
        };

        string json = JsonSerializer.Serialize(product);

        Assert.Equal("""{"id":"p-1","title":"Cup","price":3,"sku":"A-77","seller":{"since":2019}}""", json);
    }

    [Fact]
    public void Deserialize_KeepsUnknownFields_InExtra()
    {
        var product = JsonSerializer.Deserialize<Product>("""{"id":"p-1","title":"杯子","lang":"zh","sku":"A-77"}""", CatalogJson.Options)!;

        Assert.Equal("杯子", product.Title);
        Assert.Equal("A-77", (string?)product.Extra!["sku"]);
    }

    [Fact]
    public void Deserialize_ThrowsNamingTheField_WhenTheProductBreaksTheFormat()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Product>("""{"id":"p-17","title":"Cup","price":"abc"}"""));

        Assert.Equal("Invalid product: field 'price': expected a number, got string \"abc\" (product p-17)", ex.Message);
    }

    [Fact]
    public void Serialize_RefusesAnExtraFieldNamedLikeACatalogField()
    {
        var product = new Product { Id = "p-1", Title = "Cup", Extra = new JsonObject { ["price"] = 1 } };

        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(product));
    }
}
