namespace M6Search.Relevance.Probing;

/// <summary>The zero-shot reading of one product photo: every trait's score per kind, and the title suggestions.</summary>
public sealed record TraitProbe
{
    public required string ProductId { get; init; }

    /// <summary>Scores of each kind's traits (by kind: "color", "texture", ...), best first.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<TraitScore>> Scores { get; init; }

    /// <summary>For each kind, its best trait when the title does not name it (at most one per kind), best margin first.</summary>
    public required IReadOnlyList<TitleSuggestion> Suggestions { get; init; }
}
