namespace M6Search.Stores.Abstractions;

/// <summary>One page of a scroll and the cursor of the next (null at the end).</summary>
public sealed record ScrollPage(IReadOnlyList<ProductPoint> Points, string? NextOffset);
