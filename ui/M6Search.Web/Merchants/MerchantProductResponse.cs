namespace M6Search.Web.Merchants;

/// <summary>One of the signed-in merchant's products with its best rank over the analysed queries.</summary>
public sealed record MerchantProductResponse(string Id, string Title, string? Category, double? Price, string? Currency, int? BestRank, int QueriesReaching);
