using System.Text.Json.Nodes;
using M6Search.Catalog.Products;

namespace M6Search.Relevance.Tests.Fakes;

internal static class Products
{
    public static Product Make(string id, string merchant, string title, string? texture = null) => new()
    {
        Id = id,
        Title = title,
        Merchant = merchant,
        Attributes = texture is null ? null : new JsonObject { ["texture"] = texture },
    };
}
