using M6Search.Catalog.Products;

namespace M6Search.Web.Api;

/// <summary>The answer of <c>GET /api/products/{id}</c>.</summary>
public sealed record ProductResponse(string Id, string? ImageUrl, Product Payload);
