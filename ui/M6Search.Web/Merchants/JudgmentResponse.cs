namespace M6Search.Web.Merchants;

public sealed record JudgmentResponse(string Query, string ProductId, bool Relevant, DateTimeOffset UpdatedUtc);
