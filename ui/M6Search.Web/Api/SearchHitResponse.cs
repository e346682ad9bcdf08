using M6Search.Catalog.Products;
using M6Search.Search.Results;

namespace M6Search.Web.Api;

/// <summary>One result of the search API: id, score, the stored product (with its <c>attributes</c>) and why it matched.</summary>
public sealed record SearchHitResponse(string Id, float Score, string? ImageUrl, Product Payload, MatchDetails? Match);
