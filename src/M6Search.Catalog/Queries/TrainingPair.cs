namespace M6Search.Catalog.Queries;

/// <summary>An image-text pair for contrastive training (pairs.jsonl): a description that does name the traits.</summary>
public sealed record TrainingPair
{
    public required string ProductId { get; init; }

    /// <summary>Image path as in the catalog (relative to the pairs file, absolute, or http(s)).</summary>
    public required string Image { get; init; }

    public required string Text { get; init; }

    /// <summary>"en" or "zh".</summary>
    public required string Lang { get; init; }
}
