namespace M6Search.Indexing.Rejects;

/// <summary>
/// One line of the error report (JSON Lines): a catalog row that was not indexed and why.
/// </summary>
/// <param name="Line">1-based catalog line where the row starts.</param>
/// <param name="Id">The product id, or null when the row is too broken to have one.</param>
/// <param name="Reason">What was wrong, naming the field or image.</param>
/// <param name="Kind">"row" (the catalog row is invalid) or "image:KIND" (such as "image:Corrupt", "image:NotFound").</param>
public sealed record IndexReject(int Line, string? Id, string Reason, string Kind);
