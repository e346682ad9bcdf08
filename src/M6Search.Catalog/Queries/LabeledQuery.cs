namespace M6Search.Catalog.Queries;

/// <summary>
/// A shopper query with graded relevance judgments (README, "Labeled queries").
/// </summary>
public sealed record LabeledQuery
{
    public required string Id { get; init; }

    /// <summary>What the shopper typed.</summary>
    public required string Text { get; init; }

    /// <summary>"en" or "zh".</summary>
    public required string Lang { get; init; }

    /// <summary>
    /// The trait words of the query (and their synonyms): a relevant product whose title contains none of them is a
    /// hidden-trait product.
    /// </summary>
    public IReadOnlyList<string> Traits { get; init; } = Array.Empty<string>();

    /// <summary>Product id to grade: 2 = category and every named trait match; 1 = category and some traits.</summary>
    public required IReadOnlyDictionary<string, int> Relevance { get; init; }
}
