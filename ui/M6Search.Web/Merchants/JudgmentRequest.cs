namespace M6Search.Web.Merchants;

/// <summary>Marks one of the merchant's products relevant (true) or not (false) for a query; null clears the mark.</summary>
public sealed record JudgmentRequest(string? Query, string? ProductId, bool? Relevant);
