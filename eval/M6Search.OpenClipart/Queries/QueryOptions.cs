namespace M6Search.OpenClipart.Queries;

/// <summary>Which concepts become queries (docs/real-catalog.md, "Queries").</summary>
public sealed record QueryOptions
{
    /// <summary>Fewest items tagged with the concept (grade 2) for it to be asked.</summary>
    public int MinRelevant { get; init; } = 4;

    /// <summary>Largest share of the split's items that may be relevant (broader concepts say little).</summary>
    public double MaxRelevantShare { get; init; } = 0.1;

    /// <summary>Fewest relevant items whose titles lack every form of the query word.</summary>
    public int MinHidden { get; init; } = 3;

    /// <summary>Smallest share of relevant items whose titles lack it: the query asks for words the titles lack.</summary>
    public double MinHiddenShare { get; init; } = 0.5;

    /// <summary>Shortest query word, in letters.</summary>
    public int MinLetters { get; init; } = 3;
}
