namespace M6Search.Evaluation.Reports;

/// <summary>
/// A catalog product the index does not hold (its row or image was rejected by the indexing pipeline): the search can
/// never return it, yet it stays in the judgments, as it would for shoppers.
/// </summary>
/// <param name="ProductId">The product id, or null when the row had none readable.</param>
/// <param name="Line">1-based catalog line of the row.</param>
/// <param name="Image">The row's image reference (file or URL), when it had one.</param>
/// <param name="Reason">What was wrong, naming the field or image.</param>
/// <param name="Kind">"row", or "image:KIND" such as "image:Corrupt" or "image:TooLarge".</param>
public sealed record SkippedProduct(string? ProductId, int Line, string? Image, string Reason, string Kind);
